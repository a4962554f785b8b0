"""One extractor per form in which providers publish an operation's page.

Each module has `recognise(text) -> bool` and `extract(text, hint) -> Operation`. `hint` is the set
of field paths the provider's spec knows (per scope); only the flattened-YAML form uses it, to
tell where a nested block ends once the indentation is gone.
"""

from __future__ import annotations

from types import ModuleType

from codegen.drift.facts import Operation, Unreadable
from codegen.drift.forms import flat_openapi, guide_page, markdown_tables, reference_page, run_together_table

# Most specific first: an OpenAPI export can contain table-like text, never the reverse; a guide
# (prose with fenced examples) is recognised last, as the others may quote a curl example too.
FORMS: tuple[ModuleType, ...] = (flat_openapi, markdown_tables, run_together_table, reference_page, guide_page)


def extract(text: str, hint: dict[str, set[str]]) -> Operation:
    for form in FORMS:
        if form.recognise(text):
            page: Operation = form.extract(text, hint)
            return page
    names = ", ".join(form.__name__.rsplit(".", 1)[1] for form in FORMS)
    raise Unreadable(f"the page is in none of the known forms ({names})")
