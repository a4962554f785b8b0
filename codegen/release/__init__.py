"""Releases that know what changed: `make release-plan`, its gate, the changelog draft.

For each provider, what is about to be released (the spec, generated/<key>/, the version in
codegen/providers.toml) is compared with the last release recorded in releases/<key>.json, at
four levels, each classified breaking / additive / neutral:

    spec_facts.py, spec_diff.py         the spec: operations, fields, types, required, enums,
                                        ranges, defaults, the stream's wire format
    python_surface.py, surface_diff.py  the public Python surface, read with `ast`
    typecheck.py                        the last release's user code under mypy and pyright
    package_facts.py                    the package's files and metadata

changes.py holds the change record and the bump arithmetic, plan.py the records and the gate,
changelog.py the draft, __main__.py the command line. docs/releasing.md is the maintainers' guide.
"""
