"""Facts about Lanrui that the hand-written modules read.

Generated from codegen/providers.toml and specs/lanrui.yaml; do not edit.
"""

__version__ = "2.0.0"
DISTRIBUTION = "lanrui-client"
PROVIDER = "Lanrui"
ENV_PREFIX = "LANRUI"
DEFAULT_BASE_URL = "https://api.lanrui.co"
PATH_PREFIX = "/v1/chat"  # the folder every operation path shares
ACCESS_KEY_AUTH = False
REQUEST_ID_HEADER = "x-request-id"
