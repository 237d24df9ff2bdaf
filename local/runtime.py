"""The skill on a local store, as `make demo` and `make serve` run it.

`local_app()` starts dynalite with its data under .local/ (or uses an endpoint you give),
creates the tables, seeds the content (both idempotent, so a second run keeps everyone's
progress and picks up edited content), and builds the real lambda_handler on that store.
Alexa's service APIs are the local stand-in (local.alexa_api: Reminders, time zone) on
loopback over verified TLS; requests that name it (`LocalApp.alexa_api.endpoint`) reach it
through the skill's real API client, and any other endpoint is refused as offline.
Leaving the `with` block stops dynalite and the stand-in.
"""

from __future__ import annotations

import argparse
import os
from collections.abc import Callable, Iterator, MutableMapping
from contextlib import contextmanager
from dataclasses import dataclass, replace
from pathlib import Path
from typing import TYPE_CHECKING, Any

from ask_sdk_model.services import ApiClient, ApiClientRequest, ApiClientResponse

from hamstring_coach.adapters.content_seed import seed
from hamstring_coach.adapters.device_settings import AlexaApiClient
from hamstring_coach.adapters.dynamo import make_client
from hamstring_coach.adapters.tables import create_tables
from hamstring_coach.app import LambdaHandler, create_app
from hamstring_coach.domain.health_data import HealthData
from hamstring_coach.settings import Settings
from local.alexa_api import LocalAlexaApi
from local.offline_api import OfflineApiClient
from local.store import ROOT, Dynalite, StoreSupervisor
from tools.content_source import load_source

if TYPE_CHECKING:
    from mypy_boto3_dynamodb import DynamoDBClient

LOCAL_DIR = ROOT / ".local"
DEMO_STORE_DIR = LOCAL_DIR / "dynalite"
ALEXA_API_DIR = LOCAL_DIR / "alexa-api"
# serve keeps its own files: dynalite locks its directory, so demo and serve can run at once.
SERVE_STORE_DIR = LOCAL_DIR / "dynalite-serve"

# The local store ignores credentials, but boto3 wants some; fixed dummy ones also make sure
# a local run can never sign a request for a real AWS account.
LOCAL_CREDENTIALS = {
    "AWS_ACCESS_KEY_ID": "local",
    "AWS_SECRET_ACCESS_KEY": "local",
}


def use_local_credentials(env: MutableMapping[str, str] | None = None) -> None:
    env = os.environ if env is None else env
    env.update(LOCAL_CREDENTIALS)
    env.pop("AWS_SESSION_TOKEN", None)
    env.pop("AWS_PROFILE", None)
    env.setdefault("AWS_DEFAULT_REGION", "us-east-1")


def prepare_store(client: DynamoDBClient, settings: Settings) -> dict[str, Any]:
    """Create both tables if missing and seed the content source. Safe to repeat."""
    create_tables(client, settings.content_table, settings.progress_table)
    return seed(client, settings.content_table, load_source())


class LocalApiClient(ApiClient):  # type: ignore[misc]
    """The skill's real API client for the local stand-in; offline for every other host,
    so a local run never sends anything to Alexa's real endpoint."""

    def __init__(self, alexa_api: LocalAlexaApi) -> None:
        self._endpoint = alexa_api.endpoint
        self._real = AlexaApiClient(ca_bundle=str(alexa_api.ca_file))
        self._offline = OfflineApiClient()

    def invoke(self, request: ApiClientRequest) -> ApiClientResponse:
        if str(request.url or "").startswith(self._endpoint + "/"):
            return self._real.invoke(request)
        return self._offline.invoke(request)


@dataclass(frozen=True)
class LocalApp:
    handler: LambdaHandler
    settings: Settings
    client: DynamoDBClient
    endpoint: str
    store: Dynalite | None  # None when an existing endpoint was used
    seeded: dict[str, Any]
    # Another handler on the same store and client, as another Lambda container would have
    # (serve gives one to each worker thread).
    new_handler: Callable[[], LambdaHandler]
    alexa_api: LocalAlexaApi


def _health_data_arg(value: str) -> HealthData:
    try:
        return HealthData.parse(value)
    except ValueError as err:
        raise argparse.ArgumentTypeError(str(err)) from err


def add_health_options(parser: argparse.ArgumentParser) -> None:
    """The deployment's health-data profile, as the console and the endpoint take it."""
    parser.add_argument(
        "--health-data",
        type=_health_data_arg,
        default=None,
        metavar="{minimal,full}",
        help="what the store keeps about health (default: HEALTH_DATA, else minimal)",
    )
    parser.add_argument(
        "--health-controls",
        action="store_true",
        default=None,
        help="with full: account linking and PIN are in place, so stored pain may be spoken",
    )


@contextmanager
def local_app(
    endpoint: str | None = None,
    store_dir: Path = DEMO_STORE_DIR,
    supervise: bool = False,
    health_data: HealthData | None = None,
    health_controls: bool | None = None,
) -> Iterator[LocalApp]:
    """The real handler on a local store: `endpoint` if given, else dynalite in `store_dir`.

    With `supervise`, a dynalite started here is restarted whenever it exits (and its tables
    made sure of again); a store at a given endpoint is someone else's to run. The
    health-data options override the environment's (HEALTH_DATA, HEALTH_CONTROLS_IN_PLACE).
    """
    use_local_credentials()
    settings = Settings.from_env()  # a bad HEALTH_DATA fails here, before a store starts
    settings = replace(
        settings,
        health_data=settings.health_data if health_data is None else health_data,
        health_controls=settings.health_controls if health_controls is None else health_controls,
    )
    store = None if endpoint else Dynalite(path=store_dir).start()
    supervisor: StoreSupervisor | None = None
    alexa_api = LocalAlexaApi(ALEXA_API_DIR).start()
    try:
        url = endpoint or (store.endpoint if store else "")
        settings = replace(settings, dynamodb_endpoint=url)
        client = make_client(settings)
        seeded = prepare_store(client, settings)
        if supervise and store is not None:
            supervisor = StoreSupervisor(
                store, on_restart=lambda: prepare_store(client, settings)
            ).start()

        def new_handler() -> LambdaHandler:
            return create_app(settings, client=client, api_client=LocalApiClient(alexa_api))

        yield LocalApp(new_handler(), settings, client, url, store, seeded, new_handler, alexa_api)
    finally:
        alexa_api.stop()
        if supervisor is not None:
            supervisor.stop()
        if store is not None:
            store.stop()
