"""Facts about PPInfra that the hand-written modules read.

Generated from codegen/providers.toml and specs/ppinfra.yaml; do not edit.
"""

__version__ = "2.0.0"
DISTRIBUTION = "ppinfra-client"
PROVIDER = "PPInfra"
ENV_PREFIX = "PPINFRA"
DEFAULT_BASE_URL = "https://api.ppinfra.com"
PATH_PREFIX = "/v3/openai"  # the folder every operation path shares
ACCESS_KEY_AUTH = False
REQUEST_ID_HEADER = "x-request-id"
