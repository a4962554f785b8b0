"""A loopback server that speaks each provider's wire format, for tests, the demo and trying clients.

See emulator/README.md.
"""

from emulator.app import Emulation, Settings
from emulator.records import ReceivedRequest, StreamRecord
from emulator.server import Emulator

__all__ = ["Emulation", "Emulator", "ReceivedRequest", "Settings", "StreamRecord"]
