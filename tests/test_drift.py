"""`python -m codegen.drift`: provider pages compared with the specs.

Pages are synthetic (tests/drift_pages.py renders a spec operation's own facts in each page form,
tests/fixtures/drift/ holds hand-written ones); the provider documents themselves never enter the
repository. Each changed page carries exactly one change and must give exactly one `drift:` line.
"""

from __future__ import annotations

import copy
import functools
import subprocess
import sys
from collections.abc import Callable
from pathlib import Path

import pytest

from codegen.drift import known
from codegen.drift.check import check
from codegen.drift.facts import NONE, Field, Operation
from codegen.drift.spec_facts import Spec
from codegen.providers import ROOT, load_providers
from tests.drift_pages import FORMS, render

PROVIDERS = load_providers()
FIXTURES = ROOT / "tests" / "fixtures" / "drift"


@functools.cache
def spec_operations(provider: str) -> dict[str, Operation]:
    return {op.operation_id: op for op in Spec(PROVIDERS[provider].spec).operations()}


def drift_lines(provider: str, text: str, tmp_path: Path, log: str = "") -> list[str]:
    """Run the comparison on one page against an empty log (or `log`): the unexplained lines."""
    page, log_file = tmp_path / "page.txt", tmp_path / "log.md"
    page.write_text(text, encoding="utf-8")
    log_file.write_text(log, encoding="utf-8")
    report = check(PROVIDERS[provider], [page], log_file)
    assert not report.errors, report.errors
    return [difference.line(provider) for difference in report.drift]


# --- round trip: the spec's own facts in every form give no drift -------------------------------


def expressible(form: str, op: Operation) -> bool:
    """Tables and the run-together table have no spelling for a union type (`integer | null`)."""
    if form in ("flat_openapi", "reference_page"):
        return True
    typed = ["request"] if form == "run_together_table" else ["request", "response"]  # the rest come from examples
    return not any(" | " in f.facts.get("type", "") for scope in typed for f in op.scopes[scope].values())


ROUND_TRIPS = [
    (provider, operation, form)
    for provider in PROVIDERS
    for operation, op in spec_operations(provider).items()
    for form in FORMS
    if expressible(form, op)
]


def test_round_trips_cover_every_operation_in_its_providers_form() -> None:
    own = {("sensenova", "markdown_tables"), ("sensenova", "markdown_tables_no_pipe"), ("lanrui", "run_together_table")}
    own |= {("eronmind", "flat_openapi"), ("ppinfra", "reference_page")}
    covered = {(provider, form) for provider, _, form in ROUND_TRIPS}
    assert own <= covered
    assert {(p, o) for p, o, _ in ROUND_TRIPS} == {(p, o) for p in PROVIDERS for o in spec_operations(p)}


@pytest.mark.parametrize(("provider", "operation", "form"), ROUND_TRIPS)
def test_page_rendered_from_the_spec_gives_no_drift(provider: str, operation: str, form: str, tmp_path: Path) -> None:
    assert drift_lines(provider, render(form, spec_operations(provider)[operation]), tmp_path) == []


# --- one change per page, one exact line --------------------------------------------------------

Change = Callable[[Operation], None]


def set_fact(scope: str, path: str, **facts: str) -> Change:
    def change(op: Operation) -> None:
        op.scopes[scope][path].facts.update(facts)

    return change


def gain(scope: str, path: str, kind: str = "integer") -> Change:
    def change(op: Operation) -> None:
        facts = {"type": kind, "required": "optional", "default": NONE, "enum": NONE, "minimum": NONE}
        op.scopes[scope][path] = Field(path, {**facts, "maximum": NONE})

    return change


def lose(scope: str, path: str) -> Change:
    def change(op: Operation) -> None:
        fields = op.scopes[scope]
        for name in [n for n in fields if n == path or n.startswith((f"{path}.", f"{path}[]"))]:
            del fields[name]

    return change


def move(path: str) -> Change:
    def change(op: Operation) -> None:
        op.path = path

    return change


def add_server(url: str) -> Change:
    def change(op: Operation) -> None:
        op.servers = (*op.servers, url)

    return change


SN, SNC = "drift: sensenova create_completion", "drift: sensenova create_chat_completion"
LR, ER, PP = (
    "drift: lanrui create_chat_completion",
    "drift: eronmind create_completion",
    "drift: ppinfra create_completion",
)
SPEC_DOC = "in the spec, {} in the document"

CHANGES: list[tuple[str, str, str, str, Change, str]] = [
    # form, provider, operation, kind of change, change, the one line expected
    ("markdown_tables", "sensenova", "create_completion", "field gained", gain("request", "seed"),
     f"{SN} request seed: absent in the spec, present in the document"),
    ("markdown_tables", "sensenova", "create_completion", "field lost", lose("request", "stop"),
     f"{SN} request stop: present in the spec, absent in the document"),
    ("markdown_tables", "sensenova", "create_completion", "type", set_fact("request", "n", type="number"),
     f"{SN} request n: type integer in the spec, number in the document"),
    ("markdown_tables", "sensenova", "create_completion", "default", set_fact("request", "n", default="2"),
     f"{SN} request n: default 1 in the spec, 2 in the document"),
    ("markdown_tables", "sensenova", "create_completion", "range bound", set_fact("request", "n", maximum="8"),
     f"{SN} request n: maximum 4 in the spec, 8 in the document"),
    ("markdown_tables", "sensenova", "create_completion", "bound openness",
     set_fact("request", "top_p", maximum="1"),
     f"{SN} request top_p: maximum 1 exclusive in the spec, 1 in the document"),
    ("markdown_tables", "sensenova", "create_completion", "required flag",
     set_fact("request", "stop", required="required"),
     f"{SN} request stop: optional in the spec, required in the document"),
    ("markdown_tables", "sensenova", "create_completion", "url path", move("/v1/llm/complete"),
     f"{SN} url: POST /v1/llm/completions in the spec, POST /v1/llm/complete in the document"),
    ("markdown_tables", "sensenova", "create_completion", "response field lost", lose("response", "data.id"),
     f"{SN} response data.id: present in the spec, absent in the document"),
    ("markdown_tables", "sensenova", "create_completion", "stream field gained",
     gain("stream", "data.choices[].logprobs"),
     f"{SN} stream data.choices[].logprobs: absent in the spec, present in the document"),
    ("markdown_tables_no_pipe", "sensenova", "create_chat_completion", "enum value",
     set_fact("request", "messages[].role", enum="assistant, system, tool, user"),
     f"{SNC} request messages[].role: enum assistant, system, user in the spec, assistant, system, tool, user "
     "in the document"),
    ("markdown_tables_no_pipe", "sensenova", "create_chat_completion", "nested default",
     set_fact("request", "knowledge_config.control_level", default="high"),
     f"{SNC} request knowledge_config.control_level: default normal in the spec, high in the document"),
    ("markdown_tables_no_pipe", "sensenova", "create_chat_completion", "nested field gained",
     gain("request", "plugins.web_search.max_results"),
     f"{SNC} request plugins.web_search.max_results: absent in the spec, present in the document"),
    ("markdown_tables_no_pipe", "sensenova", "create_chat_completion", "nested bound openness",
     set_fact("request", "knowledge_config.knowledge_base_configs[].faq_threshold", minimum="0"),
     f"{SNC} request knowledge_config.knowledge_base_configs[].faq_threshold: minimum 0 exclusive in the spec, "
     "0 in the document"),
    ("markdown_tables_no_pipe", "sensenova", "create_chat_completion", "response field gained",
     gain("response", "data.plugins.web_search.results[].snippet", "string"),
     f"{SNC} response data.plugins.web_search.results[].snippet: absent in the spec, present in the document"),
    ("run_together_table", "lanrui", "create_chat_completion", "field gained", gain("request", "seed"),
     f"{LR} request seed: absent in the spec, present in the document"),
    ("run_together_table", "lanrui", "create_chat_completion", "field lost", lose("request", "stream"),
     f"{LR} request stream: present in the spec, absent in the document"),
    ("run_together_table", "lanrui", "create_chat_completion", "type",
     set_fact("request", "temperature", type="integer"),
     f"{LR} request temperature: type number in the spec, integer in the document"),
    ("run_together_table", "lanrui", "create_chat_completion", "default", set_fact("request", "top_p", default="0.9"),
     f"{LR} request top_p: default 1 in the spec, 0.9 in the document"),
    ("run_together_table", "lanrui", "create_chat_completion", "range bound",
     set_fact("request", "presence_penalty", maximum="3"),
     f"{LR} request presence_penalty: maximum 2 in the spec, 3 in the document"),
    ("run_together_table", "lanrui", "create_chat_completion", "bound openness",
     set_fact("request", "top_p", minimum="0"),
     f"{LR} request top_p: minimum 0 exclusive in the spec, 0 in the document"),
    ("run_together_table", "lanrui", "create_chat_completion", "required flag",
     set_fact("request", "temperature", required="required"),
     f"{LR} request temperature: optional in the spec, required in the document"),
    ("run_together_table", "lanrui", "create_chat_completion", "url path", move("/v2/chat/completions"),
     f"{LR} url: POST /v1/chat/completions in the spec, POST /v2/chat/completions in the document"),
    ("run_together_table", "lanrui", "create_chat_completion", "stream field lost", lose("stream", "choices[].delta"),
     f"{LR} stream choices[].delta: present in the spec, absent in the document"),
    ("flat_openapi", "eronmind", "create_completion", "field gained", gain("request", "seed"),
     f"{ER} request seed: absent in the spec, present in the document"),
    ("flat_openapi", "eronmind", "create_completion", "field lost", lose("request", "stop"),
     f"{ER} request stop: present in the spec, absent in the document"),
    ("flat_openapi", "eronmind", "create_completion", "type", set_fact("request", "max_tokens", type="number"),
     f"{ER} request max_tokens: type integer in the spec, number in the document"),
    ("flat_openapi", "eronmind", "create_completion", "default", set_fact("request", "n", default="1"),
     f"{ER} request n: default none in the spec, 1 in the document"),
    ("flat_openapi", "eronmind", "create_completion", "range bound",
     set_fact("request", "temperature", maximum="1"),
     f"{ER} request temperature: maximum 2 in the spec, 1 in the document"),
    ("flat_openapi", "eronmind", "create_completion", "bound openness",
     set_fact("request", "temperature", minimum="0 exclusive"),
     f"{ER} request temperature: minimum 0 in the spec, 0 exclusive in the document"),
    ("flat_openapi", "eronmind", "create_completion", "enum value", set_fact("request", "model", enum="a, b"),
     f"{ER} request model: enum none in the spec, a, b in the document"),
    ("flat_openapi", "eronmind", "create_completion", "required flag",
     set_fact("request", "n", required="required"),
     f"{ER} request n: optional in the spec, required in the document"),
    ("flat_openapi", "eronmind", "create_completion", "url path", move("/v1/complete"),
     f"{ER} url: POST /v1/completions in the spec, POST /v1/complete in the document"),
    ("flat_openapi", "eronmind", "create_completion", "server", add_server("https://backup.example"),
     f"{ER} server: https://newapi.eronmind.com in the spec, https://newapi.eronmind.com, https://backup.example "
     "in the document"),
    ("flat_openapi", "eronmind", "create_completion", "response field lost", lose("response", "usage"),
     f"{ER} response usage: present in the spec, absent in the document"),
    ("flat_openapi", "eronmind", "create_completion", "nested response field gained",
     gain("response", "choices[].stop_reason", "string"),
     f"{ER} response choices[].stop_reason: absent in the spec, present in the document"),
    ("reference_page", "ppinfra", "create_completion", "field gained", gain("request", "suffix", "string"),
     f"{PP} request suffix: absent in the spec, present in the document"),
    ("reference_page", "ppinfra", "create_completion", "field lost", lose("request", "seed"),
     f"{PP} request seed: present in the spec, absent in the document"),
    ("reference_page", "ppinfra", "create_completion", "type", set_fact("request", "best_of", type="number"),
     f"{PP} request best_of: type integer in the spec, number in the document"),
    ("reference_page", "ppinfra", "create_completion", "default",
     set_fact("request", "temperature", default="0.7"),
     f"{PP} request temperature: default 1 in the spec, 0.7 in the document"),
    ("reference_page", "ppinfra", "create_completion", "range bound",
     set_fact("request", "n", maximum="256 exclusive"),
     f"{PP} request n: maximum 128 exclusive in the spec, 256 exclusive in the document"),
    ("reference_page", "ppinfra", "create_completion", "bound openness",
     set_fact("request", "min_p", maximum="1 exclusive"),
     f"{PP} request min_p: maximum 1 in the spec, 1 exclusive in the document"),
    ("reference_page", "ppinfra", "create_completion", "enum value", set_fact("request", "model", enum="a, b"),
     f"{PP} request model: enum none in the spec, a, b in the document"),
    ("reference_page", "ppinfra", "create_completion", "required flag",
     set_fact("request", "max_tokens", required="required"),
     f"{PP} request max_tokens: optional in the spec, required in the document"),
    ("reference_page", "ppinfra", "create_completion", "url path", move("/v3/openai/complete"),
     f"{PP} url: POST /v3/openai/completions in the spec, POST /v3/openai/complete in the document"),
    ("reference_page", "ppinfra", "create_completion", "response required flag",
     set_fact("response", "created", required="optional"),
     f"{PP} response created: required in the spec, optional in the document"),
    ("reference_page", "ppinfra", "create_completion", "response type",
     set_fact("response", "created", type="string"),
     f"{PP} response created: type integer in the spec, string in the document"),
]  # fmt: skip


@pytest.mark.parametrize(
    ("form", "provider", "operation", "change", "expected"),
    [(form, p, o, c, e) for form, p, o, _kind, c, e in CHANGES],
    ids=[f"{form}-{kind}" for form, _p, _o, kind, _c, _e in CHANGES],
)
def test_one_change_gives_its_one_drift_line(
    form: str, provider: str, operation: str, change: Change, expected: str, tmp_path: Path
) -> None:
    page = copy.deepcopy(spec_operations(provider)[operation])
    change(page)
    assert drift_lines(provider, render(form, page), tmp_path) == [expected]


def test_every_kind_of_change_is_covered_in_every_form_that_can_state_it() -> None:
    kinds = {"field gained", "field lost", "type", "default", "range bound", "bound openness", "required flag"}
    kinds |= {"url path"}
    by_form: dict[str, set[str]] = {}
    for form, _p, _o, kind, _c, _e in CHANGES:
        by_form.setdefault(form.removesuffix("_no_pipe"), set()).add(kind)
    for form, covered in by_form.items():
        # The run-together table has no enumeration column; every other form states enums.
        expected = kinds if form == "run_together_table" else kinds | {"enum value"}
        assert expected <= covered, form


# --- known departures: NORMALIZATION.md fact keys ------------------------------------------------


def one_row_log(section: str, keys: str) -> str:
    header = "| document says | spec says | why | fact keys |\n|---|---|---|---|"
    return f"## {section} (x)\n\n{header}\n| a | b | c | {keys} |\n"


def changed_sensenova_page() -> str:
    page = copy.deepcopy(spec_operations("sensenova")["create_completion"])
    set_fact("request", "n", maximum="8")(page)
    return render("markdown_tables", page)


def test_a_logged_difference_is_known_only_with_the_documented_value(tmp_path: Path) -> None:
    log = one_row_log("SenseNova", "`request n: maximum 8`")
    assert drift_lines("sensenova", changed_sensenova_page(), tmp_path, log) == []
    # The document moves on (8 -> 16): the old key no longer explains it.
    page = changed_sensenova_page().replace("[1,8]", "[1,16]")
    assert drift_lines("sensenova", page, tmp_path, log) == [
        f"{SN} request n: maximum 4 in the spec, 16 in the document"
    ]


def test_a_key_names_its_provider_and_operation(tmp_path: Path) -> None:
    other_operation = one_row_log("SenseNova", "`create_chat_completion request n: maximum 8`")
    other_provider = one_row_log("Lanrui", "`request n: maximum 8`")
    for log in (other_operation, other_provider):
        assert drift_lines("sensenova", changed_sensenova_page(), tmp_path, log) == [
            f"{SN} request n: maximum 4 in the spec, 8 in the document"
        ]
    assert (
        drift_lines(
            "sensenova",
            changed_sensenova_page(),
            tmp_path,
            one_row_log("SenseNova", "`create_completion request n: maximum 8`"),
        )
        == []
    )


def test_a_malformed_fact_key_is_refused_with_its_line(tmp_path: Path) -> None:
    log = tmp_path / "log.md"
    log.write_text(one_row_log("SenseNova", "`n maximum 8`"), encoding="utf-8")
    with pytest.raises(known.Unreadable, match=r"log.md:5: fact key 'n maximum 8'"):
        known.load(log)


def test_normalization_log_keys_name_real_providers_and_operations() -> None:
    keys = known.load(ROOT / "specs" / "NORMALIZATION.md")
    names = {provider.name: key for key, provider in PROVIDERS.items()}
    assert len(keys) >= 30
    for key in keys:
        assert key.provider in names, key
        assert key.operation in ("", *spec_operations(names[key.provider])), key


# --- the command ---------------------------------------------------------------------------------


def run_drift(*args: str | Path) -> subprocess.CompletedProcess[str]:
    command = [sys.executable, "-m", "codegen.drift", *map(str, args)]
    return subprocess.run(command, cwd=ROOT, capture_output=True, text=True, timeout=60, check=False)


def test_command_exit_status_and_output(tmp_path: Path) -> None:
    same, changed, unreadable = tmp_path / "same.txt", tmp_path / "changed.txt", tmp_path / "notes.txt"
    same.write_text(render("markdown_tables", spec_operations("sensenova")["create_completion"]), encoding="utf-8")
    changed.write_text(changed_sensenova_page(), encoding="utf-8")
    unreadable.write_text("Meeting notes, not an API page.\n", encoding="utf-8")

    empty_log = tmp_path / "log.md"
    empty_log.write_text("", encoding="utf-8")

    result = run_drift("sensenova", same, "--log", empty_log)
    assert (result.returncode, result.stdout.splitlines()) == (
        0, [f"sensenova: 1 document(s), 0 unexplained difference(s), 0 known ({empty_log})"]
    )  # fmt: skip

    result = run_drift("sensenova", same, changed, "--log", empty_log)
    assert result.returncode == 1
    assert result.stdout.splitlines() == [
        f"{SN} request n: maximum 4 in the spec, 8 in the document",
        f"sensenova: 2 document(s), 1 unexplained difference(s), 0 known ({empty_log})",
    ]

    result = run_drift("sensenova", changed, unreadable)
    assert result.returncode == 2
    assert f"error: {unreadable}: the page is in none of the known forms" in result.stderr

    result = run_drift("nosuchprovider", same)
    assert result.returncode == 2
    assert "unknown provider 'nosuchprovider'" in result.stderr


def test_page_for_an_operation_the_spec_lacks_is_drift(tmp_path: Path) -> None:
    page = Operation("GET", "/v1/models", ("https://api.sensenova.cn",))
    page.scopes = {"request": {}, "response": {"models": Field("models", {"type": "array<string>"})}}
    assert drift_lines("sensenova", render("markdown_tables", page), tmp_path) == [
        "drift: sensenova (no operation) url: none in the spec, GET https://api.sensenova.cn/v1/models in the document"
    ]


def test_known_and_stale_keys_are_listed(tmp_path: Path) -> None:
    page, log = tmp_path / "page.txt", tmp_path / "log.md"
    page.write_text(changed_sensenova_page(), encoding="utf-8")
    log.write_text(one_row_log("SenseNova", "`request n: maximum 8`, `create_completion request stop: required`"))
    result = run_drift("sensenova", page, "--known", "--log", log)
    assert result.returncode == 0
    assert result.stdout.splitlines() == [
        f"known: sensenova create_completion request n: maximum 4 in the spec, 8 in the document ({log}:5)",
        f"note: sensenova create_completion request stop: required is logged as known but no longer differs ({log}:5)",
        f"sensenova: 1 document(s), 0 unexplained difference(s), 1 known ({log})",
    ]


def test_page_of_another_host_is_not_matched_by_its_fields(tmp_path: Path) -> None:
    page = render("run_together_table", spec_operations("lanrui")["create_chat_completion"])
    assert drift_lines("sensenova", page, tmp_path) == [
        "drift: sensenova (no operation) url: none in the spec, POST https://api.lanrui.co/v1/chat/completions "
        "in the document"
    ]
