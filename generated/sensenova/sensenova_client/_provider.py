"""Facts about SenseNova that the hand-written modules read.

Generated from codegen/providers.toml and specs/sensenova.yaml; do not edit.
"""

__version__ = "2.1.0"
DISTRIBUTION = "sensenova-client"
PROVIDER = "SenseNova"
ENV_PREFIX = "SENSENOVA"
DEFAULT_BASE_URL = "https://api.sensenova.cn"
PATH_PREFIX = "/v1/llm"  # the folder every operation path shares
ACCESS_KEY_AUTH = True
REQUEST_ID_HEADER = "x-request-id"
