"""A loopback server that speaks each provider's wire format, for tests, the demo and trying clients.

See tests/emulator/README.md.
"""

from tests.emulator.app import Emulation, Settings
from tests.emulator.records import ReceivedRequest, StreamRecord
from tests.emulator.server import Emulator

__all__ = ["Emulation", "Emulator", "ReceivedRequest", "Settings", "StreamRecord"]
