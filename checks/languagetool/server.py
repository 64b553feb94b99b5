"""Talking to a LanguageTool server: the HTTP call, and finding or starting a local server.

Remote and local backends share one client: language-tool-python only starts (and at exit stops)
the local Java server; every check request is our own POST to its ``/v2/check``, so both
backends get the same masked ``data`` payload, timeout and error handling. language-tool-python
is imported only when a local server is really started (pre-commit start-up stays fast).
"""

from __future__ import annotations

import json
import os
import re
from pathlib import Path
from typing import Any

MIN_JAVA = 17
JAVA_VERSION = re.compile(r'version "(\d+)(?:\.(\d+))?')
RELEASE_OR_SNAPSHOT = re.compile(r"\d+\.\d+|\d{8}")
JARS = ("languagetool-server.jar", "languagetool.jar")

# Servers language-tool-python started in this process, by version ("" = its default).
_LOCAL: dict[str, Any] = {}


class LanguageToolError(Exception):
    """LanguageTool could not be reached or gave no usable answer; the text says why."""


def base_url(server: str) -> str:
    """``http://host:port``, ``…/`` or ``…/v2`` as the ``…/v2/`` base of the API."""
    url = server.strip().rstrip("/")
    url = url.removesuffix("/check").removesuffix("/v2")
    return f"{url}/v2/"


def post_check(base: str, form: dict[str, str], timeout: float) -> Any:
    """POST ``form`` to ``base``/check and return the decoded JSON answer."""
    import urllib.error  # deferred: urllib.request costs start-up time most runs never need
    import urllib.parse
    import urllib.request

    where = base.removesuffix("/v2/")
    # A lone surrogate (a JSON escape in a macro) cannot be sent as UTF-8: it goes as '?',
    # one UTF-16 unit like itself, so the offsets LanguageTool answers with still hold.
    body = urllib.parse.urlencode(form, errors="replace").encode("utf-8")
    request = urllib.request.Request(
        base + "check",
        data=body,
        headers={"Content-Type": "application/x-www-form-urlencoded", "Accept": "application/json"},
        method="POST",
    )
    try:
        with urllib.request.urlopen(request, timeout=timeout) as response:
            payload = response.read()
    except urllib.error.HTTPError as error:
        detail = error.read(300).decode("utf-8", "replace").strip().splitlines()
        reason = f": {detail[0][:200]}" if detail else ""
        raise LanguageToolError(f"{where} answered HTTP {error.code}{reason}") from None
    except TimeoutError:
        raise LanguageToolError(f"{where} did not answer within {timeout:g} s (timeout)") from None
    except (urllib.error.URLError, OSError) as error:
        cause = getattr(error, "reason", error)
        if isinstance(cause, TimeoutError):
            raise LanguageToolError(
                f"{where} did not answer within {timeout:g} s (timeout)"
            ) from None
        raise LanguageToolError(f"cannot reach {where}: {cause}") from None
    try:
        return json.loads(payload.decode("utf-8"))
    except (UnicodeDecodeError, ValueError):
        raise LanguageToolError(f"{where} sent an answer that is not JSON") from None


def local_install() -> tuple[str | None, str | None]:
    """(version, None) for an installed LanguageTool that needs no download, else (None, why).

    Looks where language-tool-python looks ($LTP_JAR_DIR_PATH, else LanguageTool-<version>
    folders in $LTP_PATH or ~/.cache/language_tool_python) and never downloads anything.
    """
    jar_dir = os.environ.get("LTP_JAR_DIR_PATH")
    if jar_dir:
        if any((Path(jar_dir) / jar).is_file() for jar in JARS):
            return "", None
        return None, f"no LanguageTool jar in LTP_JAR_DIR_PATH={jar_dir}"
    folder = Path(
        os.environ.get("LTP_PATH") or Path.home() / ".cache" / "language_tool_python"
    ).expanduser()
    versions = []
    if folder.is_dir():
        for path in folder.glob("LanguageTool-*"):
            name = path.name.removeprefix("LanguageTool-")
            if RELEASE_OR_SNAPSHOT.fullmatch(name) and any((path / j).is_file() for j in JARS):
                versions.append(name)
    if not versions:
        return None, f"no local LanguageTool install in {folder} and no server configured"
    return max(versions, key=lambda v: tuple(int(p) for p in v.split("."))), None


def java_problem() -> str | None:
    """Why the installed Java cannot run LanguageTool, or None when it can (Java >= 17)."""
    import shutil  # deferred: asked once per run, and only when a local install exists
    import subprocess

    java = shutil.which("java")
    if java is None:
        return f"Java not found (LanguageTool needs Java {MIN_JAVA} or newer)"
    try:
        probe = subprocess.run(
            [java, "-version"], capture_output=True, text=True, timeout=20, check=False
        )
    except (OSError, subprocess.SubprocessError) as error:
        return f"cannot run {java} -version: {error}"
    major = java_major(probe.stderr + probe.stdout)
    if major is None:
        return f"cannot tell the Java version from {java} -version"
    if major < MIN_JAVA:
        return f"Java {major} found, LanguageTool needs Java {MIN_JAVA} or newer"
    return None


def java_major(version_output: str) -> int | None:
    """The major Java version in ``java -version`` output ("1.8.0_392" is 8), or None."""
    match = JAVA_VERSION.search(version_output)
    if match is None:
        return None
    major = int(match.group(1))
    return int(match.group(2)) if major == 1 and match.group(2) else major


def start_local(version: str) -> str:
    """Start (once per process) a local LanguageTool server; returns its API base URL.

    ``version`` "" lets language-tool-python use its default version, downloading it on first
    use when the machine is online (only when the user asked for ``server: local``).
    """
    if version not in _LOCAL:
        try:
            import language_tool_python
        except ImportError:
            raise LanguageToolError("language-tool-python is not installed") from None
        extra: dict[str, Any] = {"language_tool_download_version": version} if version else {}
        try:
            _LOCAL[version] = _bounded(language_tool_python.LanguageTool)("en-US", **extra)
        except Exception as error:  # its errors are many (Java, download, port, start-up)
            first = str(error).splitlines()[0][:200] if str(error) else type(error).__name__
            raise LanguageToolError(f"cannot start a local LanguageTool: {first}") from None
    return base_url(_LOCAL[version].url)


# language-tool-python retries a server that fails to start on each of 918 ports in turn: a
# broken install (a corrupt jar, a JVM that dies at once) made `auto` wait 255 s before
# skipping (issue 15 item 9). A few ports are enough to step over one that is taken; each
# attempt waits at most its own 15 s for the server to answer.
START_ATTEMPTS = 3


def _bounded(tool: Any) -> Any:
    """``tool`` (language_tool_python.LanguageTool) trying at most START_ATTEMPTS ports."""
    if not isinstance(tool, type) or not hasattr(tool, "_start_server_on_free_port"):
        return tool  # not the class we know (a stand-in, another version): use it as it is

    class Bounded(tool):  # type: ignore[misc]
        def _start_server_on_free_port(self) -> None:
            for attempt in range(1, START_ATTEMPTS + 1):
                try:
                    self._start_local_server()
                    return
                except Exception as error:
                    if attempt == START_ATTEMPTS or not self._available_ports:
                        first = str(error).splitlines()[0][:200] if str(error) else ""
                        raise LanguageToolError(
                            f"{first or type(error).__name__} (gave up after {attempt} "
                            f"attempt{'s' if attempt > 1 else ''})"
                        ) from None
                    self._port = self._available_ports.pop()

    return Bounded


def stop_local() -> None:
    """Stop the local servers this process started (language-tool-python also does at exit)."""
    while _LOCAL:
        _, tool = _LOCAL.popitem()
        tool.close()
