"""One comparison: a page's facts against the facts of its operation in the spec.

A field is compared only where the page can speak about it: members of a field are compared when
the page lists at least one member of that field (a page that shows `usage: null` says nothing
about `usage.total_tokens`), and when a field is missing on one side its members are not reported
again. Of a field present on both sides, each fact the page states is compared.
"""

from __future__ import annotations

from dataclasses import dataclass

from codegen.drift.facts import SCOPES, Field, Operation, types_agree

# How the fact name reads in a drift line; `required` needs none ("required in the spec").
_ATTRIBUTE_LABELS = {"required": ""}
NO_OPERATION = "(no operation)"


@dataclass(frozen=True)
class Difference:
    operation: str
    scope: str  # url, server, header, request, response, stream, error
    field: str
    attribute: str  # "" for presence, required flag, url and server
    spec: str
    document: str

    @property
    def subject(self) -> str:
        label = f"{self.attribute} " if self.attribute else ""
        where = f"{self.scope} {self.field}" if self.field else self.scope
        return f"{where}: {label}"

    @property
    def key(self) -> str:
        """What a NORMALIZATION.md fact key must say to explain this difference."""
        return f"{self.subject}{self.document}"

    def line(self, provider: str) -> str:
        return (
            f"drift: {provider} {self.operation} {self.subject}{self.spec} in the spec, {self.document} in the document"
        )


def match(operations: list[Operation], page: Operation) -> tuple[Operation | None, list[Difference]]:
    """The spec operation a page documents (method + path).

    A page whose path is not in the spec is drift: it is compared with the operation on the same host
    that shares the most request fields (a moved path), or else reported as a page of no operation.
    The host counts for the path too (a spec's paths may live on different hosts): a page naming
    none of the operation's servers is not that operation's page.
    """
    for op in operations:
        same_host = not page.servers or bool(set(page.servers) & set(op.servers))
        if (op.method, op.path) == (page.method, page.path) and same_host:
            return op, []
    documented = f"{page.method} {page.path}"
    names = set(page.scopes.get("request", {}))
    overlap = [
        (len(names & set(op.scopes.get("request", {}))), op)
        for op in operations
        if op.method == page.method and (not page.servers or set(page.servers) & set(op.servers))
    ]
    best = max(overlap, key=lambda pair: pair[0], default=(0, None))
    if best[1] is None or best[0] == 0:  # another host, or nothing in common: not a page of this spec
        where = " ".join(page.servers)
        return None, [Difference(NO_OPERATION, "url", "", "", "none", f"{page.method} {where}{page.path}")]
    op = best[1]
    return op, [Difference(op.operation_id, "url", "", "", f"{op.method} {op.path}", documented)]


def compare(spec: Operation, page: Operation) -> list[Difference]:
    found = []
    if page.servers and tuple(page.servers) != tuple(spec.servers):
        found.append(Difference(spec.operation_id, "server", "", "", ", ".join(spec.servers), ", ".join(page.servers)))
    for scope in SCOPES:
        if scope in page.scopes:
            found.extend(_scope(spec.operation_id, scope, spec.scopes.get(scope, {}), page.scopes[scope]))
    return found


def parent(path: str) -> str:
    head = path.rsplit(".", 1)[0] if "." in path else ""
    while head.endswith("[]"):
        head = head[:-2]
    return head


def _scope(operation: str, scope: str, spec: dict[str, Field], page: dict[str, Field]) -> list[Difference]:
    listed_parents = {parent(path) for path in page}
    found = []
    for path in [*spec, *(p for p in page if p not in spec)]:
        above = parent(path)
        if above and (above not in listed_parents or above not in spec or above not in page):
            continue
        if path not in page:
            found.append(Difference(operation, scope, path, "", "present", "absent"))
        elif path not in spec:
            found.append(Difference(operation, scope, path, "", "absent", "present"))
        else:
            found.extend(_facts(operation, scope, spec[path], page[path]))
    return found


def _facts(operation: str, scope: str, spec: Field, page: Field) -> list[Difference]:
    found = []
    for name, stated in page.facts.items():
        ours = spec.facts.get(name, "none")
        agree = types_agree(ours, stated) if name == "type" else ours == stated
        if not agree:
            label = _ATTRIBUTE_LABELS.get(name, name)
            found.append(Difference(operation, scope, spec.path, label, ours, stated))
    return found
