"""`python -m emulator --port 8000`: run the emulator in the foreground (`make serve`)."""

from __future__ import annotations

import argparse

from emulator import dialect
from emulator.app import Settings
from emulator.auth import DEFAULT_ACCESS_KEY_ID, DEFAULT_SECRET_ACCESS_KEY, default_api_key
from emulator.server import serve


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(prog="python -m emulator", description=__doc__)
    parser.add_argument("--host", default="127.0.0.1")
    parser.add_argument("--port", type=int, default=8000)
    parser.add_argument(
        "--api-key",
        action="append",
        default=[],
        metavar="PROVIDER=KEY",
        help="accept KEY for PROVIDER instead of <provider>-emulator-key (repeatable)",
    )
    parser.add_argument("--access-key-id", default=DEFAULT_ACCESS_KEY_ID)
    parser.add_argument("--secret-access-key", default=DEFAULT_SECRET_ACCESS_KEY)
    parser.add_argument("--pace", type=float, default=0.0, help="seconds between stream events")
    args = parser.parse_args(argv)

    keys = {key: default_api_key(key) for key in dialect.operations()}
    for item in args.api_key:
        provider, sep, key = item.partition("=")
        if not sep or provider not in keys:
            parser.error(f"--api-key {item!r}: expected PROVIDER=KEY with PROVIDER one of {', '.join(keys)}")
        keys[provider] = key
    settings = Settings(keys, {args.access_key_id: args.secret_access_key}, args.pace)
    for mount in dialect.mounts():
        key = dialect.provider_of(mount) or mount
        print(f"  {mount:20} base URL http://{args.host}:{args.port}/{mount}  key {keys[key]}")
    print(f"  access key pair: {args.access_key_id} / {args.secret_access_key}")
    serve(args.host, args.port, settings)


if __name__ == "__main__":
    main()
