"""Run the emulator on a real loopback socket, in the foreground or in a background thread."""

from __future__ import annotations

import threading
import time
from typing import Any

import uvicorn

from emulator import dialect
from emulator.app import Emulation, Settings
from emulator.auth import DEFAULT_ACCESS_KEY_ID
from emulator.records import Match, ReceivedRequest, StreamRecord


def _config(app: Any, host: str, port: int) -> uvicorn.Config:
    return uvicorn.Config(
        app,
        host=host,
        port=port,
        http="h11",
        loop="asyncio",
        lifespan="off",
        log_level="warning",
        access_log=False,
        timeout_graceful_shutdown=1,
    )


class Emulator:
    """The emulator serving every provider under `http://<host>:<port>/<provider-key>`.

    `start()` runs uvicorn in a daemon thread (port 0: the OS picks a free port, read back once the
    server listens); `stop()` shuts it down. Also a context manager.
    """

    def __init__(self, host: str = "127.0.0.1", port: int = 0, settings: Settings | None = None) -> None:
        self.host = host
        self.port = port
        self.emulation = Emulation(settings)
        # uvicorn binds the port itself: handing it a pre-bound socket made every request ~40 ms slower
        self._server = uvicorn.Server(_config(self.emulation.asgi(), host, port))
        self._thread: threading.Thread | None = None

    # --- lifecycle -----------------------------------------------------------------------------

    def start(self, timeout: float = 10.0) -> Emulator:
        self._thread = threading.Thread(target=self._server.run, name="emulator", daemon=True)
        self._thread.start()
        deadline = time.monotonic() + timeout
        while not self._server.started:  # uvicorn offers no event to wait on; poll its flag
            if not self._thread.is_alive() or time.monotonic() > deadline:
                raise RuntimeError("the emulator did not start")
            time.sleep(0.005)
        self.port = self._server.servers[0].sockets[0].getsockname()[1]
        return self

    def stop(self) -> None:
        self._server.should_exit = True
        if self._thread is not None:
            self._thread.join(timeout=10)

    def __enter__(self) -> Emulator:
        return self.start()

    def __exit__(self, *exc: object) -> None:
        self.stop()

    # --- what clients need ---------------------------------------------------------------------

    @property
    def url(self) -> str:
        return f"http://{self.host}:{self.port}"

    def base_url(self, provider: str) -> str:
        """Give this to the provider's client as its base URL; `provider` is a provider key, or
        the mount of a second client (`sensenova-token-plan`)."""
        return f"{self.url}/{provider}"

    def api_key(self, provider: str) -> str:
        """The API key accepted for a provider (a second client's mount takes its provider's key)."""
        return self.emulation.settings.api_keys[dialect.provider_of(provider) or provider]

    def access_key_pair(self) -> tuple[str, str]:
        keys = self.emulation.settings.access_keys
        key_id = DEFAULT_ACCESS_KEY_ID if DEFAULT_ACCESS_KEY_ID in keys else next(iter(keys))
        return key_id, keys[key_id]

    # --- what it saw ---------------------------------------------------------------------------

    @property
    def requests(self) -> list[ReceivedRequest]:
        return self.emulation.recorder.requests

    @property
    def streams(self) -> list[StreamRecord]:
        return self.emulation.recorder.streams

    def wait_for_stream(self, match: Match = None, timeout: float = 5.0) -> StreamRecord:
        """The latest stream matching `match` once it is over (see Recorder.wait_for_stream)."""
        return self.emulation.recorder.wait_for_stream(match, timeout)

    def reset(self) -> None:
        """Forget recorded requests, streams and fault counters."""
        self.emulation.recorder.clear()
        self.emulation.faults.reset()


def serve(host: str, port: int, settings: Settings) -> None:
    """Run in the foreground until interrupted (`make serve`)."""
    config = _config(Emulation(settings).asgi(), host, port)
    config.log_level = "info"
    uvicorn.Server(config).run()
