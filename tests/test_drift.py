"""`python -m codegen.drift`: provider pages compared with the specs.

Pages are synthetic (tests/drift_pages.py renders a spec operation's own facts in each page form,
tests/fixtures/drift/ holds hand-written ones); the provider documents themselves never enter the
repository. Each changed page carries exactly one change and must give exactly one `drift:` line.
"""

from __future__ import annotations

import copy
import functools
import re
import subprocess
import sys
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest

from codegen.drift import forms, known
from codegen.drift.check import check
from codegen.drift.facts import NONE, Field, Operation, Unreadable
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
    own |= {("eronmind", "flat_openapi"), ("ppinfra", "reference_page"), ("sensenova", "guide_page")}
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
TP = "drift: sensenova create_token_plan_chat_completion"
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
    ("guide_page", "sensenova", "create_token_plan_chat_completion", "field gained", gain("request", "seed"),
     f"{TP} request seed: absent in the spec, present in the document"),
    ("guide_page", "sensenova", "create_token_plan_chat_completion", "field lost", lose("request", "top_k"),
     f"{TP} request top_k: present in the spec, absent in the document"),
    ("guide_page", "sensenova", "create_token_plan_chat_completion", "type",
     set_fact("request", "top_k", type="number"),
     f"{TP} request top_k: type integer in the spec, number in the document"),
    ("guide_page", "sensenova", "create_token_plan_chat_completion", "enum value",
     set_fact("request", "messages[].role", enum="assistant, system, tool, user"),
     f"{TP} request messages[].role: enum assistant, system, user in the spec, assistant, system, tool, user "
     "in the document"),
    ("guide_page", "sensenova", "create_token_plan_chat_completion", "url path", move("/v2/chat/completions"),
     f"{TP} url: POST /v1/chat/completions in the spec, POST /v2/chat/completions in the document"),
    ("guide_page", "sensenova", "create_token_plan_chat_completion", "server", add_server("https://backup.example"),
     f"{TP} server: https://token.sensenova.cn in the spec, https://token.sensenova.cn, https://backup.example "
     "in the document"),
    ("guide_page", "sensenova", "create_token_plan_chat_completion", "response enum value",
     set_fact("response", "choices[].finish_reason", enum="content_filter, length, stop"),
     f"{TP} response choices[].finish_reason: enum length, stop in the spec, content_filter, length, stop "
     "in the document"),
    ("guide_page", "sensenova", "create_token_plan_chat_completion", "nested response field lost",
     lose("response", "choices[].message.reasoning"),
     f"{TP} response choices[].message.reasoning: present in the spec, absent in the document"),
    ("guide_page", "sensenova", "create_token_plan_chat_completion", "stream field gained",
     gain("stream", "choices[].delta.tool_calls", "array<object>"),
     f"{TP} stream choices[].delta.tool_calls: absent in the spec, present in the document"),
    ("guide_page", "sensenova", "create_token_plan_chat_completion", "error field lost", lose("error", "error.code"),
     f"{TP} error error.code: present in the spec, absent in the document"),
    ("guide_page", "lanrui", "create_chat_completion", "error field gained",
     gain("error", "error.request_id", "string"),
     f"{LR} error error.request_id: absent in the spec, present in the document"),
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
        # The run-together table has no enumeration column; every other form states enums. A guide
        # states no defaults, ranges or required flags, only types (a table of values) and enums (prose).
        expected = kinds if form == "run_together_table" else kinds | {"enum value"}
        if form == "guide_page":
            expected = {"field gained", "field lost", "type", "url path", "enum value", "server"}
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


# --- the readers on hand-written fragments of each form -----------------------------------------


def read(text: str, hint: dict[str, set[str]] | None = None) -> Operation:
    return forms.extract(text, hint or {})


def test_tables_read_captions_on_their_own_line_and_both_pipe_styles() -> None:
    page = read(
        "[POST] https://api.example.com/v1/x\n请求体(Request Body)\n"
        "| 名称 | 类型 | 必须 | 默认值 | 可选值 | 描述 |\n|---|---|---|---|---|---|\n"
        "| items | object[] | 是 | - | - | a list |\n"
        "| ratio | float | 否 | 0.5 | (0,1] | a share |\n"
        "items\n部分参数如下:\n"
        "名称 | 类型 | 必须 | 默认值 | 可选值 | 描述 |\n---|---|---|---|---|---|\n"
        "kind | string | 是 | - | 枚举值 a b | what |\n"
        "mode | string | 否 | - | 参考列表 | prose, no enum |\n"
        "响应(Response)\n| 名称 | 类型 | 描述 |\n|---|---|---|\n| id | string | x |\n"
        '响应示例(Response Example)\n- 流式\ndata:{"id":"1"}\ndata:[DONE]\n'
    )
    assert (page.method, page.path, page.servers) == ("POST", "/v1/x", ("https://api.example.com",))
    assert {path: field.facts for path, field in page.scopes["request"].items()} == {
        "items": {"type": "array<object>", "required": "required", "default": NONE, "enum": NONE,
                  "minimum": NONE, "maximum": NONE},
        "ratio": {"type": "number", "required": "optional", "default": "0.5", "enum": NONE,
                  "minimum": "0 exclusive", "maximum": "1"},
        "items[].kind": {"type": "string", "required": "required", "default": NONE, "enum": "a, b",
                         "minimum": NONE, "maximum": NONE},
        "items[].mode": {"type": "string", "required": "optional", "default": NONE, "enum": NONE,
                         "minimum": NONE, "maximum": NONE},
    }  # fmt: skip
    assert list(page.scopes["response"]) == ["id"] and list(page.scopes["stream"]) == ["id"]


def test_run_together_rows_split_name_from_type_and_examples_tolerate_a_trailing_comma() -> None:
    page = read(
        "请求方法\n\nPOST\n\n请求地址\n\nhttps://api.example.com/v1/chat\n\n参数名参数类型取值范围参数释义是否必填\n"
        "top_pfloat默认值: 1\n取值范围: (0.0, 1.0]\nwords是\nmax_tokensinteger默认值: inf\nwords\n"
        "messagelist<dict>words\n\n非流式调用响应\n\n"
        '{"id": "x", "choices": [{"text": "y",}],}\n\n流式调用响应\n\n'
        '{"id": "x"}\n\n....\n\n{"id": "y", "usage": null}\n'
    )
    assert {path: field.facts for path, field in page.scopes["request"].items()} == {
        "top_p": {"type": "number", "default": "1", "minimum": "0 exclusive", "maximum": "1", "required": "required"},
        "max_tokens": {"type": "integer", "default": "inf", "minimum": NONE, "maximum": NONE, "required": "optional"},
        "message": {"type": "array<object>", "default": NONE, "minimum": NONE, "maximum": NONE,
                    "required": "optional"},
    }  # fmt: skip
    assert list(page.scopes["response"]) == ["id", "choices", "choices[].text"]
    assert list(page.scopes["stream"]) == ["id", "usage"]


def test_flattened_export_reads_types_flags_and_the_example_nesting() -> None:
    page = read(
        "openapi: 3.0.1\npaths:\n/v1/x:\npost:\nparameters:\n- name: Authorization\nin: header\nrequired: true\n"
        "schema:\ntype: string\nrequestBody:\ncontent:\napplication/json:\nschema:\ntype: object\nproperties:\n"
        "prompt:\nanyOf:\n- type: string\n- type: array\nitems:\ntype: array\nitems:\ntype: integer\n"
        "description: >-\nkey: looking text stays text\n'n':\ntype: integer\nnullable: true\nminimum: 1\n"
        "exclusiveMinimum: true\ndefault: 2\nrequired:\n- prompt\nresponses:\n'200':\ncontent:\n"
        "application/json:\nexample:\nchoices:\n- text: |-\n\nhello\nindex: 0\nusage:\ntotal: 1\nheaders: {}\n"
        "servers:\n- url: https://api.example.com\n"
    )
    assert page.scopes["header"]["authorization"].facts == {"type": "string", "required": "required"}
    assert page.scopes["request"]["prompt"].facts["type"] == "array<array<integer>> | string"
    assert page.scopes["request"]["n"].facts == {
        "type": "integer | null", "required": "optional", "default": "2", "enum": NONE,
        "minimum": "1 exclusive", "maximum": NONE,
    }  # fmt: skip
    # Without a hint `usage` stays inside the list item; the spec's field names place it at the top.
    assert "choices[].usage.total" in read_response(page)
    hinted = read(FLAT_RESPONSE, {"response": {"choices", "choices[].text", "usage", "usage.total"}})
    assert read_response(hinted) == ["choices", "choices[].text", "usage", "usage.total"]
    assert page.servers == ("https://api.example.com",)


FLAT_RESPONSE = (
    "openapi: 3.0.1\npaths:\n/v1/x:\npost:\nresponses:\n'200':\ncontent:\napplication/json:\nexample:\n"
    "choices:\n- text: hi\nusage:\ntotal: 1\nheaders: {}\n"
)


def read_response(page: Operation) -> list[str]:
    return list(page.scopes["response"])


def test_flattened_export_refuses_nested_request_properties() -> None:
    text = "openapi: 3.0.1\npaths:\n/v1/x:\npost:\nrequestBody:\nproperties:\na:\ntype: object\nproperties:\nb:\n"
    with pytest.raises(Unreadable, match="nested `properties:`"):
        read(text)


def test_reference_page_reads_ranges_defaults_and_required_lines() -> None:
    page = read(
        "POST\n/\nv1\n/\nx\ntitle\ncurl --request POST \\\n  --url https://api.example.com/v1/x \\\n"
        '  --data \'{"a": 1}\'\n{"id": "<string>", "usage": {"total": 1}}\n请求头\n\n请求体\n\n'
        "count\ninteger | null\nrequired\n默认值为 3,words.\n所需范围:x ≥ 1\n"
        "tags\nstring[]\nwords\n所需范围:0 ≤ x < 5\n响应参数\n\nid\nstring\nrequired\nwords\n"
    )
    assert page.path == "/v1/x" and page.scopes["header"] == {}
    assert page.scopes["request"]["count"].facts == {
        "type": "integer | null", "required": "required", "default": "3", "enum": NONE,
        "minimum": "1", "maximum": NONE,
    }  # fmt: skip
    assert page.scopes["request"]["tags"].facts["type"] == "array<string>"
    assert (page.scopes["request"]["tags"].facts["minimum"], page.scopes["request"]["tags"].facts["maximum"]) == (
        "0", "5 exclusive"
    )  # fmt: skip
    assert page.scopes["response"]["id"].facts == {"type": "string", "required": "required"}
    assert list(page.scopes["response"]) == ["id", "usage", "usage.total"]


GUIDE = """# Guide

Preamble with `curl` in prose only.

## 1. Call

```bash
curl --location 'https://api.example.com/v1/chat' \\
  --header 'Content-Type: application/json' \\
  --data '{"model": "m", "max_tokens": 10, "messages": [{"role": "user", "content": "Hi"}]}'
```

```python
requests.post(URL, json={"python_only": 1})
```

```json
{"id": "x", "choices": [{"message": {"content": "a"}, "delta": {"content": "b"}, "finish_reason": "stop"}],
 "usage": {"total": 1}}
```

- `finish_reason`: `stop` for a normal end, `length` if `max_tokens` is hit.
- `message.content`: the answer.

## 2. Tuning

| Mode | `temperature` | `top_k` | Note |
| --- | --- | --- | --- |
| A | 1.0 | 20 | x |
| B | 0.7 | 40 | y |

```bash
curl 'https://api.example.com/v1/chat' -d '{"model": "m", "temperature": 1.0, "top_k": 20,
  "messages": [{"role": "user", "content": [{"type": "text", "text": "t"}]}]}'
```

- `role` may be `system`, `user`, or `assistant`.

```json
{"type": "text", "text": "a"},
{"type": "image_url", "image_url": {"url": "u"}}
```

## 3. Stream

```
data: {"choices":[{"delta":{"content":"a"},"finish_reason":""}], ...}
...
data: {"choices":[], "usage":{"total":1}}
data: [DONE]
```

## 4. Errors

```json
{"error": {"message": "m", "code": "5"}}
```

| HTTP | error.type | Meaning |
| --- | --- | --- |
| 400 | `bad_request` | x |
| 403 | — | y |
| 404 | `not_found` | z |
"""


def test_guide_reads_curl_examples_prose_tables_fragments_and_elided_streams() -> None:
    page = read(GUIDE)
    assert (page.method, page.path, page.servers) == ("POST", "/v1/chat", ("https://api.example.com",))
    request = {path: field.facts for path, field in page.scopes["request"].items()}
    assert request == {
        "model": {}, "max_tokens": {}, "messages": {}, "messages[].role": {"enum": "assistant, system, user"},
        "messages[].content": {}, "temperature": {"type": "number"}, "top_k": {"type": "integer"},
        "messages[].content[].type": {}, "messages[].content[].text": {}, "messages[].content[].image_url": {},
        "messages[].content[].image_url.url": {},
    }  # fmt: skip
    response = {path: field.facts for path, field in page.scopes["response"].items()}
    assert response["choices[].finish_reason"] == {"enum": "length, stop"}
    assert response["choices[].message.content"] == {}  # prose that is no enumeration states nothing
    assert list(page.scopes["stream"]) == ["choices", "choices[].delta", "choices[].delta.content",
                                           "choices[].finish_reason", "usage", "usage.total"]  # fmt: skip
    assert page.scopes["error"]["error.type"].facts == {"enum": "bad_request, not_found"}
    assert list(page.scopes["error"]) == ["error", "error.message", "error.code", "error.type"]
    assert "python_only" not in page.scopes["request"]


@pytest.mark.parametrize(
    ("change", "message"),
    [
        (("'https://api.example.com/v1/chat' -d", "'https://api.example.com/v2/chat' -d"), "call different operations"),
        (
            ("- `message.content`: the answer.", "- `content` may be `a`, `b`."),
            "`content` matches several fields: choices[].message.content, choices[].delta.content",
        ),
        (('{"type": "text", "text": "a"},', '{"kind": "text"},'), None),
        (('data: {"choices":[], ', 'data: {"choices":[] '), "a `data:` line of the stream example is not JSON"),
    ],
)
def test_guide_refuses_what_it_cannot_place(change: tuple[str, str], message: str | None) -> None:
    text = GUIDE.replace(*change)
    assert text != GUIDE
    if message is None:  # a fragment of unknown members still goes under the array it shares one with
        page = read(text)
        assert "messages[].content[].kind" in page.scopes["request"]
        return
    with pytest.raises(Unreadable, match=re.escape(message)):
        read(text)


def shipped_token_plan_page() -> str:
    """The Token Plan guide rebuilt from the spec's facts plus the departures NORMALIZATION.md logs."""
    page = copy.deepcopy(spec_operations("sensenova")["create_token_plan_chat_completion"])
    for key in known.load(ROOT / "specs" / "NORMALIZATION.md"):
        if key.provider == "SenseNova" and key.operation == "create_token_plan_chat_completion":
            apply_key(page, key.text)
    return render("guide_page", page)


def test_token_plan_guide_as_shipped_exits_0_and_a_renamed_response_field_exits_1(tmp_path: Path) -> None:
    shipped, renamed = tmp_path / "token-plan.md", tmp_path / "token-plan-renamed.md"
    shipped.write_text(shipped_token_plan_page(), encoding="utf-8")
    changed = shipped_token_plan_page().replace('"reasoning": "text"\n', '"reasoning_content": "text"\n', 1)
    assert changed != shipped_token_plan_page()
    renamed.write_text(changed, encoding="utf-8")
    result = run_drift("sensenova", shipped)
    assert (result.returncode, result.stdout.splitlines()) == (
        0, ["sensenova: 1 document(s), 0 unexplained difference(s), 7 known (specs/NORMALIZATION.md)"]
    )  # fmt: skip
    result = run_drift("sensenova", renamed)
    assert result.returncode == 1
    assert result.stdout.splitlines() == [
        f"{TP} response choices[].message.reasoning: present in the spec, absent in the document",
        f"{TP} response choices[].message.reasoning_content: absent in the spec, present in the document",
        "sensenova: 1 document(s), 2 unexplained difference(s), 7 known (specs/NORMALIZATION.md)",
    ]


def test_a_broken_example_is_refused_with_a_reason(tmp_path: Path) -> None:
    page = tmp_path / "page.txt"
    page.write_text(render("markdown_tables", spec_operations("sensenova")["create_completion"]).replace(
        "data:{", "data:{oops", 1
    ), encoding="utf-8")  # fmt: skip
    result = run_drift("sensenova", page)
    assert result.returncode == 2
    assert "a `data:` line of the stream example is not JSON" in result.stderr


# --- the spec side survives the OpenAPI 3.2 stream form -----------------------------------------


def as_openapi_32(document: dict[str, Any]) -> dict[str, Any]:
    """The 3.2 way: `itemSchema` is the SSE event, its `data` the JSON payload or the terminator."""
    converted = copy.deepcopy(document)
    for item in converted["paths"].values():
        for operation in item.values():
            stream = operation["responses"]["200"]["content"].get("text/event-stream")
            if stream:
                payload = stream["itemSchema"]
                stream["itemSchema"] = {"type": "object", "required": ["data"], "properties": {"data": {"anyOf": [
                    {"type": "string", "contentMediaType": "application/json", "contentSchema": payload},
                    {"const": "[DONE]"},
                ]}}}  # fmt: skip
    return converted


def as_openapi_31(document: dict[str, Any]) -> dict[str, Any]:
    """The older way: `itemSchema` is the JSON payload itself."""
    converted = copy.deepcopy(document)
    for item in converted["paths"].values():
        for operation in item.values():
            stream = operation["responses"]["200"]["content"].get("text/event-stream")
            if stream:
                alternatives = stream["itemSchema"]["properties"]["data"]["anyOf"]
                stream["itemSchema"] = next(a["contentSchema"] for a in alternatives if "contentSchema" in a)
    return converted


@pytest.mark.parametrize("provider", PROVIDERS)
def test_spec_facts_are_the_same_in_both_stream_forms(provider: str) -> None:
    spec = PROVIDERS[provider].spec
    other = as_openapi_31(spec) if "contentSchema" in str(spec) else as_openapi_32(spec)
    before = {op.operation_id: op.scopes for op in Spec(spec).operations()}
    after = {op.operation_id: op.scopes for op in Spec(other).operations()}
    assert after == before
    assert all(scopes["stream"] for scopes in after.values())


# --- the log's keys, replayed: today's departures rebuilt from facts ----------------------------

OWN_FORM = {"sensenova": "markdown_tables", "lanrui": "run_together_table", "eronmind": "flat_openapi"}
OWN_FORM["ppinfra"] = "reference_page"
OWN_FORM["create_token_plan_chat_completion"] = "guide_page"  # SenseNova's Token Plan page is a guide


def apply_key(op: Operation, text: str) -> None:
    """Make `op` say what a fact key says the document says."""
    subject, value = text.split(": ", 1)
    scope, _, path = subject.partition(" ")
    if scope == "server":
        op.servers = tuple(value.split(", "))
    elif value == "absent":
        lose(scope, path)(op)
    elif value == "present":
        op.scopes.setdefault(scope, {})
        gain(scope, path, "array<object>" if scope == "request" else "string")(op)
        if scope == "header":
            op.scopes[scope][path].facts = {"type": "string", "required": "required"}
    elif value in ("required", "optional"):
        set_fact(scope, path, required=value)(op)
    else:
        attribute, fact = value.split(" ", 1)
        set_fact(scope, path, **{attribute: fact})(op)


@pytest.mark.parametrize("provider", PROVIDERS)
def test_every_logged_departure_is_still_a_difference_and_known(provider: str, tmp_path: Path) -> None:
    """Pages rebuilt from the spec plus the log's keys give no drift and use every key.

    A key that no longer differs from the spec (the spec was changed to agree) or that another key
    hides shows up here as stale; a key the tool cannot recognise shows up as drift.
    """
    keys = [k for k in known.load(ROOT / "specs" / "NORMALIZATION.md") if k.provider == PROVIDERS[provider].name]
    pages = []
    for operation_id, spec_op in spec_operations(provider).items():
        page = copy.deepcopy(spec_op)
        for key in keys:
            if key.operation in ("", operation_id):
                apply_key(page, key.text)
        pages.append(tmp_path / f"{operation_id}.txt")
        form = OWN_FORM.get(operation_id, OWN_FORM[provider])
        pages[-1].write_text(render(form, page), encoding="utf-8")
    report = check(PROVIDERS[provider], pages, ROOT / "specs" / "NORMALIZATION.md")
    assert (report.errors, [d.line(provider) for d in report.drift], report.stale) == ([], [], [])
    assert {key for _difference, key in report.known} == set(keys)
