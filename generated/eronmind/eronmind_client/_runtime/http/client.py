"""The client objects the generated operations take: base URL, credentials, timeout, retries, TLS.

Provider facts (environment variable prefix, default base URL, whether access keys are accepted)
come from `_provider.py`, which the pipeline writes from the spec and codegen/providers.toml.

Credentials (AuthenticatedClient), first match wins:
1. `api_key=` (or its alias `token=`, the generator's name): sent as `Authorization: Bearer <key>`.
2. `access_key_id=` / `secret_access_key=` (providers with access keys only): a JWT minted from the
   pair; a half given as an argument may take its other half from the environment.
3. the environment's `<PREFIX>_API_KEY`.
4. the environment's `<PREFIX>_ACCESS_KEY_ID` and `<PREFIX>_SECRET_ACCESS_KEY`.
So an argument always beats the environment, and at the same level the API key beats the pair.
Passing an API key and an access key pair as arguments together is refused as ambiguous.

An `Authorization` in `headers=` is a credential argument too, sent as given (any scheme): it
beats the environment, and together with `api_key=` or an access key pair it is refused as
ambiguous. A call's own Authorization (`extra_headers=`) is sent instead of the client's
credential for that call only, as the openai SDK does.
"""

from __future__ import annotations

import copy
import os
import ssl
import sys
import threading
import weakref
from collections.abc import Callable, Mapping
from typing import Any, ClassVar, NamedTuple, Self

import httpx2

from ... import _provider
from .. import logs, redact
from ..errors import ClientClosedError, ClientStateError, InvalidCredentialsError, MissingCredentialsError
from .auth import AccessKeyAuth, BearerAuth, HeaderAuth, checked_credential
from .options import (
    DEFAULT_DEADLINE,
    DEFAULT_MAX_EVENT_SIZE,
    DEFAULT_MAX_RETRIES,
    DEFAULT_STREAM_IDLE_TIMEOUT,
    DEFAULT_TIMEOUT,
    TRANSPORT_ARGS,
    checked_deadline,
    checked_headers,
    checked_httpx_args,
    checked_max_retries,
    checked_query,
    checked_stream_idle_timeout,
    checked_timeout,
    refuse_old_httpx,
)
from .retry import AsyncRetryTransport, RetryTransport

__all__ = [
    "ACCESS_KEY_ID_ENV",
    "API_KEY_ENV",
    "BASE_URL_ENV",
    "SECRET_ACCESS_KEY_ENV",
    "USER_AGENT",
    "AuthenticatedClient",
    "Client",
]

API_KEY_ENV = f"{_provider.ENV_PREFIX}_API_KEY"
BASE_URL_ENV = f"{_provider.ENV_PREFIX}_BASE_URL"
ACCESS_KEY_ID_ENV = f"{_provider.ENV_PREFIX}_ACCESS_KEY_ID"
SECRET_ACCESS_KEY_ENV = f"{_provider.ENV_PREFIX}_SECRET_ACCESS_KEY"

# What a provider's logs and support see of the caller, as from other SDKs: this distribution and
# version, then the Python and HTTP library versions (product tokens, RFC 9110 10.1.5).
# Read from sys as platform.python_implementation() and python_version() do (importing platform
# would add a millisecond to the package's import).
_PYTHON = {"cpython": "CPython", "pypy": "PyPy"}.get(sys.implementation.name, sys.implementation.name)
USER_AGENT = (
    f"{_provider.DISTRIBUTION}/{_provider.__version__} {_PYTHON}/{sys.version.split()[0]} httpx2/{httpx2.__version__}"
)

_shared_contexts: dict[tuple[str | None, str | None], ssl.SSLContext] = {}
_shared_contexts_lock = threading.Lock()

# Clients alive in this process, so that a fork can give the child pools of its own.
_LIVE_CLIENTS: weakref.WeakSet[Client] = weakref.WeakSet()
# The parent's HTTP clients, as a forked child found them: kept, never used or closed (closing
# would run the parent's shutdown of shared sockets and event-loop transports in the child).
_INHERITED: list[object] = []


def _after_fork_in_child() -> None:
    """A forked child shares its parent's pooled sockets: a request from each on one keep-alive
    connection and each reads whichever answer comes first (gunicorn --preload, Celery prefork,
    multiprocessing's fork with a module-level client). So the child drops every HTTP client this
    package built and builds its own on first use; locks another thread held at the fork are new."""
    global _shared_contexts_lock
    _shared_contexts_lock = threading.Lock()
    for client in list(_LIVE_CLIENTS):
        client._forget_inherited_pools()


if hasattr(os, "register_at_fork"):  # not on Windows, which has no fork
    os.register_at_fork(after_in_child=_after_fork_in_child)


def _running_loop() -> object:
    """The running asyncio event loop; None outside one (or under trio, where one pool serves)."""
    asyncio = sys.modules.get("asyncio")  # none runs before asyncio is imported (10 ms the package skips)
    if asyncio is None:
        return None
    try:
        return asyncio.get_running_loop()
    except RuntimeError:
        return None


def _no_loop() -> None:
    return None


def _ref(loop: object) -> Callable[[], object]:
    return _no_loop if loop is None else weakref.ref(loop)


def _ended(owner: Callable[[], object]) -> bool:
    """Whether a pool's loop is gone or closed (a pool without loop never ends)."""
    if owner is _no_loop:
        return False
    loop = owner()
    return loop is None or bool(getattr(loop, "is_closed", bool)())


def _default_ssl_context() -> ssl.SSLContext:
    """httpx2's default verifying context (SSL_CERT_FILE / SSL_CERT_DIR if set, else the operating
    system's trust store: truststore on macOS and Windows, OpenSSL's system paths on Linux), made
    once per process and shared: loading a CA bundle costs 20-100 ms, which every client would
    otherwise pay again. An SSLContext is safe to share between connections and threads; it is
    only shared while nothing is loaded into it (no client certificate)."""
    key = (os.environ.get("SSL_CERT_FILE"), os.environ.get("SSL_CERT_DIR"))
    with _shared_contexts_lock:
        context = _shared_contexts.get(key)
        if context is None:
            context = _shared_contexts[key] = httpx2.create_ssl_context()
        return context


def _checked_base_url(
    base_url: str | None,
    default: str = _provider.DEFAULT_BASE_URL,
    env: str = BASE_URL_ENV,
    prefix: str = _provider.PATH_PREFIX,
) -> tuple[str, dict[str, str]]:
    """The base URL to use (argument, else the environment's `env`, else `default`, the spec's
    server) without its query, and that query's parameters (sent with every request). An empty
    or relative URL, a fragment, another scheme than http(s) or a `user:password@` is a
    ValueError naming where it came from. A path ending in the start of the operations' shared
    folder `prefix` (the openai SDK's `https://api.lanrui.co/v1`) loses that ending, since every
    operation path holds it already (see _openai_style)."""
    name = "base_url"
    if base_url is None:
        name = env if os.environ.get(env) else "the default base URL"
        base_url = os.environ.get(env) or default
    if not isinstance(base_url, str):
        raise TypeError(f"base_url must be a str, got {type(base_url).__name__}")
    if not base_url.strip():
        raise ValueError(f"base_url is empty; pass a URL such as {default!r} or leave it out")
    try:
        url = httpx2.URL(base_url.strip())
    except httpx2.InvalidURL as exc:
        raise ValueError(f"{name} is not a valid URL ({exc})") from None
    if url.userinfo:
        shown = url.copy_with(username="***", password=None)
        raise ValueError(
            f"{name} must not hold a user name or password (got {str(shown)!r}): a URL is shown in reprs, "
            "logs and errors, so credentials go in api_key= or headers= (the value is not shown)"
        )
    if url.scheme not in ("http", "https") or not url.host:
        raise ValueError(f"{name} must be an absolute http:// or https:// URL, got {str(url)!r}")
    if url.fragment:
        raise ValueError(f"{name} must not have a #fragment")
    params = dict(url.params.multi_items())
    return str(_openai_style(url, prefix).copy_with(query=None)), params


def _openai_style(url: httpx2.URL, prefix: str) -> httpx2.URL:
    """url without a trailing part of `prefix`: "/v1" and "/v1/chat" for "/v1/chat".

    The openai SDK's base URLs end in the API's version folder (`/v1`, PPInfra's `/v3/openai`),
    which the specs' operation paths start with; kept, a call would go to `/v1/v1/...` and get a
    404. Unambiguous in practice: an API mounted under a folder named like its own version would
    need its base URL written with that folder twice.
    """
    segments = prefix.strip("/").split("/") if prefix.strip("/") else []
    path = url.path.rstrip("/")
    for size in range(len(segments), 0, -1):
        ending = "/" + "/".join(segments[:size])
        if path.endswith(ending):
            return url.copy_with(path=path[: -len(ending)])
    return url


def _environment_proxy(base_url: str) -> str | None:
    """The proxy the environment (HTTPS_PROXY, ALL_PROXY, NO_PROXY, ...) sets for base_url.

    httpx2 applies environment proxies only when it builds its own transport; ours wraps the
    transport for retries, so it decides here, with httpx2's own reading of the environment and
    matching (curl's NO_PROXY rules: a domain and its subdomains, `.domain`, `*.domain`, a
    `host:port`, IPv4/IPv6 addresses and CIDR ranges, `*`), so a request goes where plain httpx2
    and the openai SDK send it. (urllib's proxy_bypass, used in 1.x, ignores an entry with a
    port: the request, key included, went to the proxy.) The client only talks to its base
    URL, so one decision per client is enough.
    """
    from httpx2._utils import URLPattern, get_environment_proxies  # private: see docs/http-library.md

    url = httpx2.URL(base_url)
    mounts = sorted(((URLPattern(key), proxy) for key, proxy in get_environment_proxies().items()), key=_first)
    for pattern, proxy in mounts:
        if pattern.matches(url):
            return proxy
    return None


def _with_user_agent(headers: dict[str, str]) -> dict[str, str]:
    """headers with this package's User-Agent, unless they hold one (any case: theirs wins)."""
    if any(name.lower() == "user-agent" for name in headers):
        return headers
    return {"User-Agent": USER_AGENT, **headers}


def _first(item: tuple[Any, Any]) -> Any:
    return item[0]


class Client:
    """An unauthenticated client: base URL, timeout, retries, TLS settings and the httpx2 clients.

    Arguments: `base_url` (default: the environment's <PREFIX>_BASE_URL, else the provider's
    server from the spec; an empty string is an error, and a query string in it is sent as the
    query of every request), `timeout` (seconds or httpx2.Timeout, None for none; default 600 s,
    connect 5 s, per attempt and step), `max_retries` (default 2), `deadline` (seconds a whole
    call may take, retries and reading included; default None), `max_event_size` (characters one
    stream event may reach, default 16 MiB), `stream_idle_timeout` (seconds a stream may wait for
    its next event, keep-alive comments not counting as events; default None), `verify_ssl`
    (True, a CA bundle path or an ssl.SSLContext; True by default), `headers`, `cookies`,
    `follow_redirects`, `default_query` (query parameters of every request, over those of
    base_url), and `httpx_args` passed to the httpx2 clients as they are built (a `transport` or
    `mounts` given there are wrapped for retries; `proxy`, `limits`, `http2`, `cert`,
    `trust_env`, `uds` configure the transport; `auth` replaces the credential). A key the client
    sets from its own argument (`verify`, `headers`, `timeout`, ...) or would ignore is refused:
    options.checked_httpx_args.

    An httpx2 client given with set_httpx_client/set_async_httpx_client is used as it is: it has
    this client's retries only if its transport is a RetryTransport/AsyncRetryTransport.

    The httpx2 clients are built on first use, once even when threads race for it (under a lock).

    A subclass for an operation the provider serves from another host (an operation-level server
    with `x-client` in the spec; the package's `<Name>AuthenticatedClient`) sets that host's
    default base URL, its base URL variable and whether it takes access keys below.
    """

    _DEFAULT_BASE_URL: ClassVar[str] = _provider.DEFAULT_BASE_URL
    _BASE_URL_ENV: ClassVar[str] = BASE_URL_ENV
    _ACCESS_KEY_AUTH: ClassVar[bool] = _provider.ACCESS_KEY_AUTH
    _PATH_PREFIX: ClassVar[str] = _provider.PATH_PREFIX

    def __init__(
        self,
        base_url: str | None = None,
        *,
        timeout: float | httpx2.Timeout | None = DEFAULT_TIMEOUT,
        max_retries: int = DEFAULT_MAX_RETRIES,
        deadline: float | None = DEFAULT_DEADLINE,
        max_event_size: int = DEFAULT_MAX_EVENT_SIZE,
        stream_idle_timeout: float | None = DEFAULT_STREAM_IDLE_TIMEOUT,
        verify_ssl: str | bool | ssl.SSLContext = True,
        headers: dict[str, str] | None = None,
        cookies: dict[str, str] | None = None,
        follow_redirects: bool = False,
        httpx_args: dict[str, Any] | None = None,
        default_query: Mapping[str, object] | None = None,
    ) -> None:
        self._base_url, params = _checked_base_url(
            base_url, self._DEFAULT_BASE_URL, self._BASE_URL_ENV, self._PATH_PREFIX
        )
        self._query = checked_query(default_query, "default_query")
        self._params = {**params, **self._query}  # sent with every request
        self._timeout = checked_timeout(timeout)
        self._max_retries = checked_max_retries(max_retries)
        self._deadline = checked_deadline(deadline)
        if isinstance(max_event_size, bool) or not isinstance(max_event_size, int) or max_event_size < 1:
            raise ValueError(f"max_event_size must be an int >= 1 (characters), got {max_event_size!r}")
        self._max_event_size = max_event_size
        self._stream_idle_timeout = checked_stream_idle_timeout(stream_idle_timeout)
        self._verify_source = verify_ssl  # as given: what a pickle holds (see __reduce__)
        self._verify_ssl = _verify_context(verify_ssl)
        self._headers = checked_headers(headers, "headers")
        self._cookies = dict(cookies or {})
        self._follow_redirects = follow_redirects
        self._httpx_args = checked_httpx_args(httpx_args)
        refuse_old_httpx(verify_ssl, "verify_ssl")
        self._fresh_pools()
        logs.configure_from_env()  # <PREFIX>_LOG, for every client (the openai-style ones wrap this)

    def _fresh_pools(self) -> None:
        """No HTTP client yet: each is built on first use (in this process)."""
        self._client: httpx2.Client | None = None
        self._async_client: httpx2.AsyncClient | None = None  # given, else the latest one built
        self._async_pools: dict[int, tuple[Callable[[], object], httpx2.AsyncClient]] = {}  # per event loop
        self._async_closed = False
        self._given_loop: Callable[[], object] | None = None  # where a given AsyncClient was first used
        self._given: set[str] = set()  # "_client"/"_async_client" set by the user: theirs to manage
        self._build_lock = threading.Lock()
        _LIVE_CLIENTS.add(self)

    @property
    def base_url(self) -> str:
        return self._base_url

    @property
    def timeout(self) -> httpx2.Timeout:
        """The default timeout of every call (a call's `timeout=` overrides it)."""
        return self._timeout

    @property
    def max_retries(self) -> int:
        """How many times a failed call is retried by default (a call's `max_retries=` overrides it)."""
        return self._max_retries

    @property
    def max_event_size(self) -> int:
        """Characters one stream event may reach before the stream raises StreamEventTooLargeError."""
        return self._max_event_size

    @property
    def deadline(self) -> float | None:
        """Seconds a whole call may take by default, None for no limit (a call's `deadline=` overrides it)."""
        return self._deadline

    @property
    def stream_idle_timeout(self) -> float | None:
        """Seconds a stream may wait for its next event by default, None for no limit (keep-alive
        comments and empty events count as waiting; a call's `stream_idle_timeout=` overrides it)."""
        return self._stream_idle_timeout

    def _auth(self) -> httpx2.Auth | None:
        return None

    def _client_args(self, asynchronous: bool) -> dict[str, Any]:
        args: dict[str, Any] = {
            "base_url": self._base_url,
            "params": self._params,
            "cookies": self._cookies,
            "headers": _with_user_agent(self._headers),
            "timeout": self._timeout,
            "follow_redirects": self._follow_redirects,
            "auth": self._auth(),
            **self._httpx_args,
        }
        # httpx2 ignores pool settings next to a transport of its own (ours wraps one), so the
        # transport gets them.
        transport_args = {name: args.pop(name) for name in TRANSPORT_ARGS if name in args}
        inner = args.pop("transport", None)
        if inner is None:
            trust_env = transport_args.get("trust_env", True)
            if "proxy" not in transport_args and trust_env:
                transport_args["proxy"] = _environment_proxy(self._base_url)
            verify = self._verify_ssl
            if verify is True and trust_env and "cert" not in transport_args:
                verify = _default_ssl_context()
            if asynchronous:
                inner = httpx2.AsyncHTTPTransport(verify=verify, **transport_args)
            else:
                inner = httpx2.HTTPTransport(verify=verify, **transport_args)
        wrapper = AsyncRetryTransport if asynchronous else RetryTransport
        args["transport"] = wrapper(inner, max_retries=self._max_retries, deadline=self._deadline)
        if args.get("mounts"):  # a mounted transport gets the same retries as the main one
            args["mounts"] = {
                pattern: None
                if mounted is None
                else wrapper(mounted, max_retries=self._max_retries, deadline=self._deadline)
                for pattern, mounted in args["mounts"].items()
            }
        return args

    def get_httpx_client(self) -> httpx2.Client:
        client = self._client
        if client is None:
            with self._build_lock:
                if self._client is None:
                    self._client = httpx2.Client(**self._client_args(asynchronous=False))
                client = self._client
        if client.is_closed:
            raise ClientClosedError(
                f"this {type(self).__name__} was closed (close() or the end of its `with` block): build a new "
                "client to call again"
            )
        return client

    def set_httpx_client(self, client: httpx2.Client) -> Self:
        refuse_old_httpx(client, "set_httpx_client(client)")
        self._client = client
        self._given.add("_client")
        return self

    def get_async_httpx_client(self) -> httpx2.AsyncClient:
        """The httpx2.AsyncClient of the running event loop, built on first use in that loop.

        Per loop because an async connection belongs to the loop that opened it: one client used
        by `asyncio.run()` twice (or by two threads with a loop each) gets a pool per loop instead
        of a RuntimeError from the second loop; pools of loops that have ended are dropped. A
        given AsyncClient (set_async_httpx_client) is used as it is, in the loop it was first used in.
        """
        if "_async_client" in self._given and self._async_client is not None:
            return self._given_async_client()
        if self._async_closed:
            raise ClientClosedError(
                f"this {type(self).__name__} was closed (close() or the end of its `async with` block): build a "
                "new client to call again"
            )
        return self._async_pool(_running_loop())

    def _async_pool(self, loop: object) -> httpx2.AsyncClient:
        """The pool of `loop`, built if it has none (from any thread: see _aget_async_httpx_client)."""
        entry = self._async_pools.get(id(loop))
        if entry is None or entry[0]() is not loop:
            with self._build_lock:  # building does no I/O, so a thread lock never blocks a loop for long
                entry = self._async_pools.get(id(loop))
                if entry is None or entry[0]() is not loop:
                    for key, (owner, _) in list(self._async_pools.items()):
                        if _ended(owner):
                            del self._async_pools[key]  # its connections died with their loop
                    entry = (_ref(loop), httpx2.AsyncClient(**self._client_args(asynchronous=True)))
                    self._async_pools[id(loop)] = entry
                    self._async_client = entry[1]
        return entry[1]

    async def _aget_async_httpx_client(self) -> httpx2.AsyncClient:
        """get_async_httpx_client() for coroutines, which the package's async calls use: in an
        asyncio loop without a pool yet, the pool is built in a worker thread, with the imports
        of the async network backend (anyio's asyncio backend, httpcore2's), so that neither the
        SSL context (it loads the trust store) nor those imports, 100+ ms in all, block the loop.
        Under trio the pool is built in the loop, as before. docs/event-loop.md."""
        loop = _running_loop()
        if loop is not None and "_async_client" not in self._given and not self._async_closed:
            entry = self._async_pools.get(id(loop))
            if entry is None or entry[0]() is not loop:
                import asyncio  # loaded: a loop runs

                await asyncio.to_thread(self._build_off_loop, loop)
        return self.get_async_httpx_client()

    def _build_off_loop(self, loop: object) -> None:
        import anyio._backends._asyncio  # noqa: F401  (what httpcore2 loads on the first connection)

        self._async_pool(loop)

    def _given_async_client(self) -> httpx2.AsyncClient:
        client = self._async_client
        assert client is not None
        loop = _running_loop()
        if loop is None:
            pass  # outside a loop (or under trio): nothing to tell
        elif self._given_loop is None:
            self._given_loop = _ref(loop)
        elif self._given_loop() is not loop:
            raise ClientStateError(
                "the httpx2.AsyncClient given with set_async_httpx_client() was first used in another event loop; "
                "its connections belong to that loop: give one per loop, or let the client build its own (one "
                "per loop)"
            )
        if client.is_closed:
            raise ClientClosedError("the httpx2.AsyncClient given with set_async_httpx_client() was closed")
        return client

    def set_async_httpx_client(self, async_client: httpx2.AsyncClient) -> Self:
        refuse_old_httpx(async_client, "set_async_httpx_client(async_client)")
        self._async_client = async_client
        self._given_loop = None
        self._given.add("_async_client")
        return self

    def _forget_inherited_pools(self) -> None:
        """In a forked child: build new HTTP clients on first use (see _after_fork_in_child). One
        given with set_httpx_client/set_async_httpx_client stays: its pool is the user's to manage."""
        self._build_lock = threading.Lock()
        for name in ("_client", "_async_client"):
            inherited = getattr(self, name)
            if inherited is not None and name not in self._given:
                _INHERITED.append(inherited)
                setattr(self, name, None)
        _INHERITED.extend(client for _, client in self._async_pools.values())
        self._async_pools = {}

    def _copy(self, base_url: str | None = None, api_key: str | None = None) -> Self:
        """This client for another base URL and/or API key, with pools of its own (built on first
        use: connections belong to a host, and a credential to the httpx2 client that sends it);
        every other setting as this one's. (with_options(base_url=..., api_key=...).)"""
        clone = copy.copy(self)
        if base_url is not None:
            clone._base_url, params = _checked_base_url(
                base_url, self._DEFAULT_BASE_URL, self._BASE_URL_ENV, self._PATH_PREFIX
            )
            clone._params = {**params, **self._query}
        if api_key is not None:
            clone._use_api_key(api_key)
        clone._fresh_pools()
        return clone

    # --- copies and pickles (docs/distributed.md): the configuration, never a credential

    def __copy__(self) -> Self:
        """A shallow copy (shared pools); _copy() and __deepcopy__ give the copy pools of its own."""
        clone = object.__new__(type(self))
        clone.__dict__.update(self.__dict__)
        return clone

    def __deepcopy__(self, memo: dict[int, Any]) -> Self:
        """The same configuration and credential with pools of its own: nothing leaves the process."""
        return self._copy()

    def __reduce__(self) -> tuple[Any, ...]:
        """A pickle holds the configuration only: no pool (the worker builds its own) and no
        credential: an AuthenticatedClient reads its credentials from the environment of the
        process that unpickles it, as one built there without api_key= would."""
        state = {name: value for name, value in self.__dict__.items() if name in _PICKLED}
        state["_verify_ssl"] = self._verify_source
        _check_picklable(self, state)
        return (_unpickled, (type(self),), state)

    def __setstate__(self, state: dict[str, Any]) -> None:
        self.__dict__.update(state)
        self._verify_ssl = _verify_context(self._verify_source)
        self._fresh_pools()
        self._credentials_from_environment()
        logs.configure_from_env()

    def _credentials_from_environment(self) -> None:
        pass  # a Client sends none

    def _use_api_key(self, api_key: str) -> None:
        raise TypeError(f"a {type(self).__name__} sends no credentials: use AuthenticatedClient for api_key=")

    def close(self) -> None:
        """Close the sync httpx2 client (and its connections), if one was made."""
        if self._client is not None:
            self._client.close()

    async def aclose(self) -> None:
        """Close the async httpx2 client of this event loop (and its connections), if one was made;
        later async calls raise ClientClosedError. (Pools of other, ended loops are dropped.)"""
        if "_async_client" in self._given:
            if self._async_client is not None:
                await self._async_client.aclose()
            return
        self._async_closed = True
        # This loop's pool, and one built outside any loop (it holds no loop's connections).
        entries = [self._async_pools.pop(id(loop), None) for loop in (_running_loop(), None)]
        self._async_pools.clear()
        for entry in entries:
            if entry is not None:
                await entry[1].aclose()

    def __enter__(self) -> Self:
        self.get_httpx_client().__enter__()
        return self

    def __exit__(self, *args: Any) -> None:
        self.get_httpx_client().__exit__(*args)

    async def __aenter__(self) -> Self:
        await (await self._aget_async_httpx_client()).__aenter__()
        return self

    async def __aexit__(self, *args: Any) -> None:
        if "_async_client" in self._given:
            await self.get_async_httpx_client().__aexit__(*args)
        else:
            await self.aclose()

    def __repr__(self) -> str:
        return f"{type(self).__name__}(base_url={self._base_url!r})"

    __str__ = __repr__


class AuthenticatedClient(Client):
    """A client that sends `Authorization: Bearer ...` with every request.

    Credentials, first match wins: `api_key=` (alias `token=`); `access_key_id=` and
    `secret_access_key=` (providers that accept access keys: a JWT is minted from the pair and
    refreshed before it expires); the environment's <PREFIX>_API_KEY; the environment's
    <PREFIX>_ACCESS_KEY_ID and <PREFIX>_SECRET_ACCESS_KEY. With none, construction fails with
    MissingCredentialsError naming the variables. Other arguments: see Client. No credential
    ever appears in repr(), str() or an error message.
    """

    def __init__(
        self,
        api_key: str | None = None,
        *,
        token: str | None = None,
        access_key_id: str | None = None,
        secret_access_key: str | None = None,
        base_url: str | None = None,
        timeout: float | httpx2.Timeout | None = DEFAULT_TIMEOUT,
        max_retries: int = DEFAULT_MAX_RETRIES,
        deadline: float | None = DEFAULT_DEADLINE,
        max_event_size: int = DEFAULT_MAX_EVENT_SIZE,
        stream_idle_timeout: float | None = DEFAULT_STREAM_IDLE_TIMEOUT,
        verify_ssl: str | bool | ssl.SSLContext = True,
        headers: dict[str, str] | None = None,
        cookies: dict[str, str] | None = None,
        follow_redirects: bool = False,
        httpx_args: dict[str, Any] | None = None,
        default_query: Mapping[str, object] | None = None,
    ) -> None:
        api_key = _credential(api_key, "api_key")
        token = _credential(token, "token")
        access_key_id = _credential(access_key_id, "access_key_id")
        secret_access_key = _credential(secret_access_key, "secret_access_key")
        if api_key and token and api_key != token:
            raise ValueError("pass the API key as api_key= or token=, not both")
        headers, in_headers = _header_credential(headers, bool(api_key or token or access_key_id or secret_access_key))
        try:
            self.__auth = in_headers or _choose_auth(api_key or token, access_key_id, secret_access_key, self._where())
        except (MissingCredentialsError, InvalidCredentialsError) as exc:
            raise redact.without_locals(exc) from None  # the frames below held the environment's values
        super().__init__(
            base_url,
            timeout=timeout,
            max_retries=max_retries,
            deadline=deadline,
            max_event_size=max_event_size,
            stream_idle_timeout=stream_idle_timeout,
            verify_ssl=verify_ssl,
            headers=headers,
            cookies=cookies,
            follow_redirects=follow_redirects,
            httpx_args=httpx_args,
            default_query=default_query,
        )

    @classmethod
    def _where(cls) -> _Where:
        other = cls._DEFAULT_BASE_URL != _provider.DEFAULT_BASE_URL
        return _Where(cls._ACCESS_KEY_AUTH, cls._DEFAULT_BASE_URL if other else "")

    @property
    def auth_method(self) -> str:
        """'api_key', 'access_key' or 'header' (an Authorization in `headers=`): which kind of
        credential this client sends."""
        if isinstance(self.__auth, HeaderAuth):
            return "header"
        return "access_key" if isinstance(self.__auth, AccessKeyAuth) else "api_key"

    def _auth(self) -> httpx2.Auth:
        return self.__auth

    def _credentials_from_environment(self) -> None:
        try:
            self.__auth = _choose_auth(None, None, None, self._where())
        except (MissingCredentialsError, InvalidCredentialsError) as exc:
            exc.message = (
                f"{exc.message} (this {type(self).__name__} was unpickled: a pickle holds no credential, so the "
                "process that unpickles it reads its own environment; see docs/distributed.md)"
            )
            exc.args = (exc.message,)
            raise redact.without_locals(exc) from None  # the frames below held the environment's values

    def _use_api_key(self, api_key: str) -> None:
        key = _credential(api_key, "api_key")
        if not key:
            raise ValueError("api_key is empty")
        self.__auth = BearerAuth(key)

    def __repr__(self) -> str:
        return f"{type(self).__name__}(base_url={self.base_url!r}, auth={self.auth_method!r})"

    __str__ = __repr__


# The attributes a pickle of a client keeps: its configuration. Named one by one, so that nothing
# added later (a pool, a lock, a credential) is pickled by accident.
_PICKLED = frozenset(
    {
        "_base_url",
        "_params",
        "_query",
        "_timeout",
        "_max_retries",
        "_deadline",
        "_max_event_size",
        "_stream_idle_timeout",
        "_verify_source",
        "_headers",
        "_cookies",
        "_follow_redirects",
        "_httpx_args",
    }
)


def _unpickled(cls: type[Client]) -> Client:
    return cls.__new__(cls)


def _verify_context(verify_ssl: str | bool | ssl.SSLContext) -> bool | ssl.SSLContext:
    """verify_ssl as httpx2 takes it: httpx2 deprecates a CA bundle path for `verify`, so a path
    becomes an SSL context (a folder of certificates: capath)."""
    if not isinstance(verify_ssl, str):
        return verify_ssl
    if os.path.isdir(verify_ssl):
        return ssl.create_default_context(capath=verify_ssl)
    return ssl.create_default_context(cafile=verify_ssl)


def _check_picklable(client: Client, state: dict[str, Any]) -> None:
    """A TypeError naming the argument whose value cannot be pickled (an ssl.SSLContext, a
    transport, an http_client=), or which holds the client's credential (a copy in another header,
    a cookie or httpx_args): either way the worker must build its own client."""
    import pickle  # here, not at the top: only pickling a client needs it, and it has loaded it

    auth = client._auth()
    secrets = tuple(secret.encode() for secret in getattr(auth, "_secrets", tuple)())
    items = [(f"httpx_args[{key!r}]", value) for key, value in state["_httpx_args"].items()]
    items += [
        (name.lstrip("_").replace("verify_source", "verify_ssl"), state[name])
        for name in state
        if name != "_httpx_args"
    ]
    for name, value in items:
        try:
            data = pickle.dumps(value)
        except Exception as exc:  # whatever the object refuses with
            raise TypeError(
                f"this {type(client).__name__} cannot be pickled: its {name} is a {type(value).__name__}, which "
                f"does not pickle ({type(exc).__name__}); build the client in the worker from plain settings, or "
                "give a CA bundle path as verify_ssl= instead of an SSLContext (see docs/distributed.md)"
            ) from None
        if any(secret in data for secret in secrets):
            raise TypeError(
                f"this {type(client).__name__} cannot be pickled: its {name} holds its credential, and a pickle "
                "never does; build the client in the worker (see docs/distributed.md)"
            )


def _credential(value: str | None, name: str) -> str | None:
    """value stripped and checked (see auth.checked_credential); None if absent or blank."""
    return None if value is None else checked_credential(value, name) or None


def _header_credential(
    headers: dict[str, str] | None, other_given: bool
) -> tuple[dict[str, str] | None, HeaderAuth | None]:
    """headers without their Authorization, and that Authorization as the client's credential.

    An argument like api_key= (so it beats the environment's key); given together with api_key=
    or an access key pair it is refused: which one the server would see is not obvious, and the
    wrong one bills another account.
    """
    names = [name for name in headers or {} if isinstance(name, str) and name.lower() == "authorization"]
    if not names or headers is None:
        return headers, None
    if other_given or len(names) > 1:
        raise ValueError(
            "headers= holds an Authorization header and api_key= (or an access key pair) was given too: "
            "pass the credential one way (api_key=... sends 'Bearer <key>'; headers={'Authorization': ...} "
            "sends that value as given). A call's extra_headers Authorization overrides either for that call."
            if other_given
            else "headers= holds more than one Authorization header"
        )
    auth = HeaderAuth(headers[names[0]], f"headers[{names[0]!r}]")
    return {name: value for name, value in headers.items() if name != names[0]}, auth


def _environment_credential(name: str) -> str | None:
    return _credential(os.environ.get(name), name)


class _Where(NamedTuple):
    """What a client class allows: access keys, and the other host it is for ("" for the main one)."""

    access_keys: bool
    host: str


_MAIN = _Where(_provider.ACCESS_KEY_AUTH, "")  # the main client's (the spec's top-level server)


def _choose_auth(api_key: str | None, key_id: str | None, secret: str | None, where: _Where = _MAIN) -> httpx2.Auth:
    access_keys = where.access_keys
    provider = f"{_provider.PROVIDER} at {where.host}" if where.host else _provider.PROVIDER
    if (key_id or secret) and not access_keys:
        only = "takes API keys only" if _provider.ACCESS_KEY_AUTH else "does not accept access keys"
        raise TypeError(f"{provider} {only}; pass api_key=... instead")
    if api_key and (key_id or secret):
        raise ValueError("pass either api_key= or access_key_id= and secret_access_key=, not both")
    if api_key:
        return BearerAuth(api_key)
    env_key_id, env_secret = _environment_credential(ACCESS_KEY_ID_ENV), _environment_credential(SECRET_ACCESS_KEY_ENV)
    if key_id or secret:
        return _access_key_auth(key_id or env_key_id, secret or env_secret)
    env_key = _environment_credential(API_KEY_ENV)
    if env_key:
        return BearerAuth(env_key)
    if access_keys and (env_key_id or env_secret):
        return _access_key_auth(env_key_id, env_secret)
    if access_keys:
        raise MissingCredentialsError(
            f"No {provider} credentials: pass api_key=... or set {API_KEY_ENV}, or pass "
            f"access_key_id=... and secret_access_key=... or set {ACCESS_KEY_ID_ENV} and {SECRET_ACCESS_KEY_ENV}."
        )
    ignored = _provider.ACCESS_KEY_AUTH and (env_key_id or env_secret)  # set, but this host takes none
    unused = f" ({ACCESS_KEY_ID_ENV} is not used: it takes API keys only)" if ignored else ""
    raise MissingCredentialsError(f"No {provider} API key: pass api_key=... or set {API_KEY_ENV}.{unused}")


def _access_key_auth(key_id: str | None, secret: str | None) -> AccessKeyAuth:
    if not key_id:
        raise MissingCredentialsError(
            f"Access key id missing: pass access_key_id=... or set {ACCESS_KEY_ID_ENV} (a secret access key was given)."
        )
    if not secret:
        raise MissingCredentialsError(
            f"Secret access key missing: pass secret_access_key=... or set {SECRET_ACCESS_KEY_ENV} "
            "(an access key id was given)."
        )
    return AccessKeyAuth(key_id, secret)
