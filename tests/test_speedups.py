"""The JSON step of a stream (runtime/streams/parse.py, public as `<package>.speedups`): msgspec
parses stream events exactly as json would.

Differential tests: hypothesis writes JSON texts (any values, duplicate keys, numbers of every
size and form, escaped and raw strings with lone surrogates and non-BMP characters, whitespace,
broken texts) and the msgspec parser must either return the very object json.loads returns
(same types, float signs, key order) or leave the text to json; through a whole stream, both
parsers must give the same events or the same error. Then: the documented frames really are
parsed by msgspec, a stream really calls it (seen by a profiler hook), and the switch
(`<PREFIX>_SPEEDUPS`, `set_enabled`) and a missing msgspec behave as documented.
"""

from __future__ import annotations

import importlib
import json
import os
import subprocess
import sys
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import msgspec
import pytest
from hypothesis import HealthCheck, example, given, settings
from hypothesis import strategies as st

from bench import payloads
from emulator import Emulator
from tests.client_cases import PACKAGES, body, make_client, operation

ROOT = Path(__file__).resolve().parent.parent
PROVIDER = "lanrui"
package = PACKAGES[PROVIDER]
FORMAT = package.api.chat.create_chat_completion._STREAM_FORMAT  # imports the stream runtime (its first use)
speedups = package._runtime.streams.parse  # the module behind the public lanrui_client.speedups
stream_lifecycle = package._runtime.streams.lifecycle


@pytest.fixture(autouse=True)
def _restore_the_switch() -> Iterator[None]:
    was = speedups.enabled()
    yield
    speedups.set_enabled(was)


def same(a: Any, b: Any) -> bool:
    """Equal and built alike: same types all the way down, float signs and key order included."""
    if type(a) is not type(b):
        return False
    if isinstance(a, float):
        return repr(a) == repr(b)  # -0.0 is not 0.0; nan is nan
    if isinstance(a, dict):
        return list(a) == list(b) and all(same(a[k], b[k]) for k in a)
    if isinstance(a, list):
        return len(a) == len(b) and all(same(x, y) for x, y in zip(a, b, strict=True))
    return bool(a == b)


def fast_outcome(text: str) -> tuple[str, Any]:
    """('parsed', object) from the speedups parser, or ('left to json', None)."""
    speedups.set_enabled(True)
    try:
        return "parsed", speedups.loads(text)
    except (ValueError, RecursionError):
        return "left to json", None


def check_parser(text: str) -> str:
    """The parser's contract: json's object, or a ValueError (the caller then asks json)."""
    fast, obj = fast_outcome(text)
    if fast == "parsed":
        assert same(obj, json.loads(text)), f"msgspec gave {obj!r} for {text!r}"
    return fast


def read_event(text: str) -> tuple[Any, ...]:
    """What the stream runtime gives for a body of one event carrying `text`, then the
    terminator: the events (as dicts) and whether it ended, or the error raised."""
    frame = "".join(f"data: {line}\n" for line in text.split("\n")) + "\n" + "data: [DONE]\n\n"
    call = stream_lifecycle.StreamCall(FORMAT, {}, {})
    try:
        events = [event.to_dict() for event in call.events(frame.encode("utf-8", "surrogatepass"))]
    except Exception as exc:
        return ("raised", type(exc).__name__, str(exc))
    return ("events", events, call.done)


def stream_outcome(text: str, on: bool) -> tuple[Any, ...]:
    speedups.set_enabled(on)
    return read_event(text)


def check_stream(text: str) -> None:
    fast, pure = stream_outcome(text, True), stream_outcome(text, False)
    if pure[0] == "raised":
        assert fast == pure
    else:
        assert fast[0] == "events" and same(fast[1], pure[1]) and fast[2] == pure[2], (fast, pure)


def as_event(text: str) -> str:
    """text as an extra member of a valid chunk: the model keeps it, so it reaches the events."""
    head = '{"id":"c","object":"chat.completion.chunk","created":1,"model":"m",'
    return head + '"choices":[{"index":0,"delta":{"content":"x"},"finish_reason":null}],"extra":' + text + "}"


# --- JSON texts --------------------------------------------------------------------------------

BOUNDARY_INTS = [2**53, 2**63 - 1, 2**63, 2**64 - 1, 2**64, -(2**63), -(2**63) - 1, 10**18, 10**19, 10**30]
characters = st.characters(exclude_categories=())  # lone surrogates included
numbers = st.one_of(
    st.integers(),
    st.sampled_from(BOUNDARY_INTS),
    st.floats(),  # nan, infinities, -0.0, subnormals
    st.from_regex(r"-?(0|[1-9][0-9]{0,24})(\.[0-9]{1,30})?([eE][+-]?[0-9]{1,3})?", fullmatch=True),
)


class Raw(str):
    """A number written exactly as drawn (e.g. 1E+05, -0, 0.10000000000000000555)."""


class Members(list):  # type: ignore[type-arg]
    """An object as (key, value) pairs: duplicate keys allowed."""


def _scalar(value: Any) -> Any:
    return Raw(value) if isinstance(value, str) else value


values = st.recursive(
    st.none() | st.booleans() | numbers.map(_scalar) | st.text(characters, max_size=12),
    lambda inner: (
        st.lists(inner, max_size=4)
        | st.lists(st.tuples(st.text(characters, max_size=4) | st.sampled_from(["a", "a"]), inner), max_size=4).map(
            Members
        )
    ),
    max_leaves=20,
)


def dump(value: Any, ascii_only: bool, comma: str, colon: str) -> str:
    if isinstance(value, Raw):
        return str(value)
    if isinstance(value, Members):
        return (
            "{"
            + comma.join(
                dump(k, ascii_only, comma, colon) + colon + dump(v, ascii_only, comma, colon) for k, v in value
            )
            + "}"
        )
    if isinstance(value, list):
        return "[" + comma.join(dump(v, ascii_only, comma, colon) for v in value) + "]"
    return json.dumps(value, ensure_ascii=ascii_only)


@st.composite
def json_texts(draw: st.DrawFn) -> str:
    """A JSON text (json's dialect: NaN and Infinity included), sometimes broken on purpose."""
    comma, colon = draw(st.sampled_from([(",", ":"), (", ", ": "), ("\n,\t", " :\r"), (",\n  ", ":")]))
    text = dump(draw(values), draw(st.booleans()), comma, colon)
    text = draw(st.sampled_from(["", " ", "\n", "\ufeff"])) + text + draw(st.sampled_from(["", " ", "\t\n", "x"]))
    if draw(st.integers(0, 4)) == 0 and text:  # broken: a character removed, replaced or added
        at = draw(st.integers(0, len(text) - 1))
        extra = draw(st.sampled_from(['"', "\\", "{", "]", ",", ":", "-", "0", "e", ".", "\x00", "\ud800", ""]))
        text = text[:at] + extra + text[at + draw(st.integers(0, 1)) :]
    return text


# Texts where the two libraries differ, each stated (see the module docstring of runtime/streams/parse.py).
EDGE_CASES = [
    "NaN",
    "[Infinity, -Infinity]",
    "1e400",
    "-1e400",
    "1e-400",
    "-1e-400",
    "-0",
    "-0.0",
    "18446744073709551615",  # 2**64 - 1
    "18446744073709551616",  # 2**64: orjson gave a float; msgspec the exact int
    "-9223372036854775809",  # -2**63 - 1: the same below
    '{"created": 123456789012345678901234567890}',
    "1" + "0" * 5000,  # json: past int's digit limit (ValueError); msgspec refuses it too
    '"\\ud800"',  # an escaped lone surrogate
    '"\ud800"',  # a raw one
    '"\\udc00\\ud83d"',
    '"\\ud83d\\ude00"',  # an escaped surrogate pair
    '"😀 𝄞 你好"',  # raw non-BMP characters
    '{"a": 1, "b": 2, "a": 3}',  # duplicate keys: the last wins, at the first one's place
    "\ufeff{}",
    " {} ",
    "{} x",
    "[1,]",
    "1.00000000000000011102230246251565404236316680908203125",  # halfway between two doubles
    "2.4703282292062328e-324",
    "[" * 200 + "]" * 200,
    "[" * 300 + "]" * 300,
    "[" * 1000 + "]" * 1000,
    "[" * 1100 + "]" * 1100,
    '{"a":' * 257 + "1" + "}" * 257,
]


@pytest.mark.parametrize("text", EDGE_CASES, ids=lambda t: repr(t[:24]))
def test_edge_cases_give_the_same_object_or_error_with_either_parser(text: str) -> None:
    check_parser(text)
    check_stream(text)
    check_stream(as_event(text))


def test_msgspec_answers_where_it_agrees_and_json_where_it_would_not() -> None:
    assert fast_outcome('{"a": 1, "b": 2, "a": 3}') == ("parsed", {"a": 3, "b": 2})
    assert fast_outcome('"😀"') == ("parsed", "😀")
    assert fast_outcome('"\\ud83d\\ude00"') == ("parsed", "😀")
    assert fast_outcome("[" * 200 + "]" * 200)[0] == "parsed"
    big = fast_outcome('{"created": 123456789012345678901234567890}')
    assert big == ("parsed", {"created": 123456789012345678901234567890}) and type(big[1]["created"]) is int
    for text in ("[" * 1100 + "]" * 1100, '"\ud800"', "NaN", "1e400", "1" + "0" * 5000):
        assert fast_outcome(text) == ("left to json", None), text[:20]


@settings(max_examples=400, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(json_texts())
@example("[1.5, -0.0, 1e-320]")
def test_any_text_gives_json_s_object_or_is_left_to_json(text: str) -> None:
    check_parser(text)


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(json_texts(), st.booleans())
def test_any_text_gives_the_same_events_or_the_same_error_with_either_parser(text: str, inside: bool) -> None:
    check_stream(as_event(text) if inside else text)


def _documented_frames() -> Iterator[str]:
    for path in sorted(ROOT.glob("tests/fixtures/*/*/stream.sse")):
        for line in path.read_text(encoding="utf-8").splitlines():
            data = line.removeprefix("data:").strip()
            if line.startswith("data:") and data.startswith("{"):
                yield data
    for route in payloads.ROUTES.values():
        for i in range(len(payloads.TOKENS)):
            yield payloads.event_bytes(route, i, 50)[len(route.prefix) : -2].decode()


def test_documented_and_benchmark_frames_are_parsed_by_msgspec() -> None:
    frames = list(_documented_frames())
    assert len(frames) > 50
    for text in frames:
        assert check_parser(text) == "parsed", f"left to json: {text}"


# --- the stream really uses it -------------------------------------------------------------------


def _is_msgspec(arg: Any) -> bool:
    return isinstance(getattr(arg, "__self__", None), msgspec.json.Decoder)


def _msgspec_calls(run: Callable[[], Any]) -> tuple[Any, int]:
    """run's result and how many times it called a msgspec decoder (a profiler hook sees C calls)."""
    calls = 0

    def hook(frame: Any, event: str, arg: Any) -> None:
        nonlocal calls
        if event == "c_call" and _is_msgspec(arg):
            calls += 1

    sys.setprofile(hook)
    try:
        result = run()
    finally:
        sys.setprofile(None)
    return result, calls


@pytest.mark.parametrize("on", [True, False], ids=["speedups", "pure"])
def test_a_stream_calls_msgspec_once_per_event_only_with_speedups_on(emulator: Emulator, on: bool) -> None:
    speedups.set_enabled(on)
    client = make_client(emulator, PROVIDER)

    def read() -> list[Any]:
        with operation(PROVIDER).stream(client=client, body=body(PROVIDER)) as stream:
            return list(stream)

    events, calls = _msgspec_calls(read)
    assert len(events) > 1
    assert calls == (len(events) if on else 0)


# --- the switch ----------------------------------------------------------------------------------


@pytest.fixture
def reimport(monkeypatch: pytest.MonkeyPatch) -> Iterator[Callable[[], None]]:
    """Runs parse.py's module code again (as at import), in this test's environment; after the
    test, once more in the environment it had before."""
    yield lambda: importlib.reload(speedups)
    monkeypatch.undo()
    importlib.reload(speedups)


@pytest.mark.parametrize(("value", "on"), [("0", False), (" Off ", False), ("false", False), ("1", True), ("", True)])
def test_the_environment_variable_read_at_import_can_force_the_pure_path(
    reimport: Callable[[], None], monkeypatch: pytest.MonkeyPatch, value: str, on: bool
) -> None:
    assert speedups.SPEEDUPS_ENV == "LANRUI_SPEEDUPS"
    monkeypatch.setenv("LANRUI_SPEEDUPS", value)
    reimport()
    assert speedups.enabled() is on


def test_msgspec_is_imported_by_the_first_stream_and_never_with_the_pure_path_forced() -> None:
    """Not by `import <package>` (the import time target), but before the first event (its latency)."""
    probe = (
        "import sys, lanrui_client.speedups as s, lanrui_client._runtime.streams.lifecycle as life;"
        "import lanrui_client.api.chat.create_chat_completion as op; before = 'msgspec' in sys.modules;"
        "from lanrui_client import AuthenticatedClient, errors;"
        "client = AuthenticatedClient('k', base_url='http://127.0.0.1:9', max_retries=0);"  # refused at once
        "call = life.StreamCall(op._STREAM_FORMAT, {'method': 'POST', 'url': '/v1/chat/completions'}, {});"
        "stream = life.run(call, client, prime=True)\n"
        "try: next(stream)\nexcept errors.APIConnectionError: pass\n"  # the stream started: before its request
        "print(s.enabled(), before, 'msgspec' in sys.modules)"
    )
    env = {**os.environ, "PYTHONPATH": os.pathsep.join(sys.path), "LANRUI_SPEEDUPS": "0"}
    done = subprocess.run([sys.executable, "-c", probe], env=env, capture_output=True, text=True, timeout=60)
    assert done.stdout.split() == ["False", "False", "False"], done.stderr
    env["LANRUI_SPEEDUPS"] = "1"
    done = subprocess.run([sys.executable, "-c", probe], env=env, capture_output=True, text=True, timeout=60)
    assert done.stdout.split() == ["True", "False", "True"], done.stderr


def test_an_unknown_value_of_the_environment_variable_warns_and_keeps_speedups(
    reimport: Callable[[], None], monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("LANRUI_SPEEDUPS", "fast")
    with pytest.warns(UserWarning, match="LANRUI_SPEEDUPS='fast' is ignored"):
        reimport()
    assert speedups.enabled()


def test_set_enabled_switches_the_parser_of_the_next_stream() -> None:
    frame = as_event("[1, 2]")
    speedups.set_enabled(False)
    assert not speedups.enabled()
    assert _msgspec_calls(lambda: read_event(frame)) == (read_event(frame), 0)
    speedups.set_enabled(True)
    assert speedups.enabled()
    assert _msgspec_calls(lambda: read_event(frame)) == (read_event(frame), 1)


def test_without_msgspec_the_pure_path_runs_and_asking_for_speedups_names_it(
    reimport: Callable[[], None], monkeypatch: pytest.MonkeyPatch
) -> None:
    speedups.set_enabled(True)  # on before, for streams and answers alike
    monkeypatch.setitem(sys.modules, "msgspec", None)  # `import msgspec` now raises ImportError
    reimport()
    assert not speedups.enabled()
    # Plain answers follow the same switch: declined untried (no msgspec import), from_dict builds them.
    from lanrui_client.models import ChatCompletion

    answer = (Path(__file__).parent / "fixtures/lanrui/create_chat_completion/response.json").read_bytes()
    assert package._runtime.wire.answer(ChatCompletion, answer) is None
    with pytest.raises(ModuleNotFoundError, match=r"speedups need msgspec, a dependency of lanrui-client"):
        speedups.set_enabled(True)
    assert stream_outcome(as_event('{"n": 18446744073709551616}'), on=False)[0] == "events"


def test_the_speedups_extra_is_kept_and_empty() -> None:
    """`pip install <distribution>[speedups]` keeps working after the extra was retired."""
    import tomllib

    project = tomllib.loads((ROOT / "generated" / PROVIDER / "pyproject.toml").read_text(encoding="utf-8"))["project"]
    assert project["optional-dependencies"] == {"speedups": []}
    assert any(dep.startswith("msgspec>=") for dep in project["dependencies"])
