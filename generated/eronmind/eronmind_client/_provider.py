"""Facts about Eronmind that the hand-written modules read.

Generated from codegen/providers.toml and specs/eronmind.yaml; do not edit.
"""

__version__ = "2.0.0"
DISTRIBUTION = "eronmind-client"
PROVIDER = "Eronmind"
ENV_PREFIX = "ERONMIND"
DEFAULT_BASE_URL = "https://newapi.eronmind.com"
PATH_PREFIX = "/v1"  # the folder every operation path shares
ACCESS_KEY_AUTH = False
REQUEST_ID_HEADER = "x-request-id"
