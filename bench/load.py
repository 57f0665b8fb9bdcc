"""A small load generator: threads, each with its own keep-alive HTTP connection.

Pure standard library so that `make bench` needs nothing beyond the project's
own dependencies. Each simulated client is one thread repeating GET requests as
fast as the server answers (a closed loop), so concurrency is fixed and the
throughput is what the server can give at that concurrency.
"""

import http.client
import os
import threading
import time
import urllib.parse
from dataclasses import dataclass, field


class Client:
    """One simulated browser: a connection and its cookies."""

    def __init__(self, host: str, port: int, timeout: float = 30.0):
        self.host = host
        self.port = port
        self.timeout = timeout
        self.cookies: dict[str, str] = {}
        self.conn = self._connect()

    def _connect(self) -> http.client.HTTPConnection:
        return http.client.HTTPConnection(self.host, self.port, timeout=self.timeout)

    def request(
        self, method: str, path: str, body: str | None = None, headers=None
    ) -> tuple[int, dict[str, str], bytes]:
        """Send one request; on a broken connection reconnect once and retry.

        gunicorn's sync workers close the connection after each response, and
        http.client then reopens it by itself on the next request.
        """
        headers = {"Host": f"{self.host}:{self.port}", **(headers or {})}
        if self.cookies:
            headers["Cookie"] = "; ".join(f"{k}={v}" for k, v in self.cookies.items())
        for attempt in (1, 2):
            try:
                self.conn.request(method, path, body=body, headers=headers)
                response = self.conn.getresponse()
                data = response.read()
                break
            except (http.client.HTTPException, OSError):
                self.conn.close()
                self.conn = self._connect()
                if attempt == 2:
                    raise
        for cookie in response.headers.get_all("Set-Cookie") or []:
            name, _, rest = cookie.partition("=")
            self.cookies[name.strip()] = rest.split(";", 1)[0]
        return response.status, dict(response.headers.items()), data

    def get(self, path: str) -> tuple[int, dict[str, str], bytes]:
        return self.request("GET", path)

    def submit(self, path: str, fields: dict[str, str]) -> tuple[int, dict]:
        """GET the form at `path` for its CSRF cookie, then POST `fields` to it."""
        status, _, _ = self.get(path)
        if status != 200 or "csrftoken" not in self.cookies:
            raise RuntimeError(f"GET {path}: status {status}, no CSRF cookie")
        form = urllib.parse.urlencode(
            {**fields, "csrfmiddlewaretoken": self.cookies["csrftoken"]}
        )
        status, headers, _ = self.request(
            "POST",
            path,
            body=form,
            headers={
                "Content-Type": "application/x-www-form-urlencoded",
                "Referer": f"http://{self.host}:{self.port}{path}",
            },
        )
        return status, headers

    def login(self, path: str, email: str, password: str) -> None:
        """Log in through the real login form, as a browser would."""
        status, _ = self.submit(path, {"login": email, "password": password})
        if status != 302 or "sessionid" not in self.cookies:
            raise RuntimeError(f"login as {email}: status {status}, no session")

    def sharing_session(self) -> "Client":
        """Another connection in the same session (a second tab, say)."""
        twin = Client(self.host, self.port, self.timeout)
        twin.cookies = dict(self.cookies)
        return twin

    def close(self) -> None:
        self.conn.close()


def percentile(sorted_values: list[float], pct: float) -> float:
    """Nearest-rank percentile of an already sorted list (0 when empty)."""
    if not sorted_values:
        return 0.0
    rank = max(1, round(pct / 100 * len(sorted_values)))
    return sorted_values[min(rank, len(sorted_values)) - 1]


@dataclass
class Result:
    """What one scenario measured; latencies in seconds."""

    name: str
    path: str
    seconds: float
    latencies: list[float] = field(default_factory=list)
    errors: int = 0
    statuses: dict[str, int] = field(default_factory=dict)
    client_cpu: float = 0.0
    server_cpu: float | None = None

    @property
    def requests(self) -> int:
        return len(self.latencies) + self.errors

    @property
    def rps(self) -> float:
        return len(self.latencies) / self.seconds if self.seconds else 0.0

    @property
    def error_rate(self) -> float:
        return self.errors / self.requests if self.requests else 0.0

    def summary(self) -> dict:
        ordered = sorted(self.latencies)
        return {
            "scenario": self.name,
            "path": self.path,
            "requests": self.requests,
            "ok": len(self.latencies),
            "errors": self.errors,
            "statuses": self.statuses,
            "seconds": round(self.seconds, 3),
            "rps": round(self.rps, 1),
            "p50_ms": round(percentile(ordered, 50) * 1000, 2),
            "p95_ms": round(percentile(ordered, 95) * 1000, 2),
            "p99_ms": round(percentile(ordered, 99) * 1000, 2),
            "max_ms": round((ordered[-1] if ordered else 0) * 1000, 2),
            "load_generator_cpu_percent": round(self.client_cpu * 100, 1),
            "server_cpu_ms_per_request": (
                round(self.server_cpu / len(self.latencies) * 1000, 3)
                if self.server_cpu is not None and self.latencies
                else None
            ),
        }


def run(
    name: str,
    path: str,
    clients: list[Client],
    warmup: float,
    duration: float,
    server_cpu=None,
) -> Result:
    """Let every client request `path` in a loop; measure after the warm-up.

    A request counts when it starts after the warm-up and ends within the
    window, so rps is requests completed per second of the measured window. A
    response other than 200 (a redirect to the login page, say) is an error.
    `server_cpu`, if given, returns the server's CPU seconds so far: CPU per
    request does not depend on what else the machine is running.
    """
    start = time.perf_counter() + 0.2
    measure_from = start + warmup
    until = measure_from + duration
    result = Result(name=name, path=path, seconds=duration)
    lock = threading.Lock()

    def loop(client: Client):
        latencies: list[float] = []
        statuses: dict[str, int] = {}
        errors = 0
        while time.perf_counter() < start:
            time.sleep(0.001)
        while (began := time.perf_counter()) < until:
            try:
                status = str(client.get(path)[0])
            except (http.client.HTTPException, OSError) as error:
                status = type(error).__name__
                time.sleep(0.01)
            ended = time.perf_counter()
            if began < measure_from or ended > until:
                continue
            statuses[status] = statuses.get(status, 0) + 1
            if status == "200":
                latencies.append(ended - began)
            else:
                errors += 1
        with lock:
            result.latencies.extend(latencies)
            result.errors += errors
            for status, count in statuses.items():
                result.statuses[status] = result.statuses.get(status, 0) + count

    threads = [threading.Thread(target=loop, args=(c,), daemon=True) for c in clients]
    for thread in threads:
        thread.start()
    while time.perf_counter() < measure_from:
        time.sleep(0.01)
    cpu_before = _cpu_seconds()
    server_before = server_cpu() if server_cpu else None
    time.sleep(max(0.0, until - time.perf_counter()))
    result.client_cpu = (_cpu_seconds() - cpu_before) / duration
    if server_before is not None:
        result.server_cpu = server_cpu() - server_before
    for thread in threads:
        thread.join()
    return result


def _cpu_seconds() -> float:
    """CPU time of this process, to show how much the generator itself took."""
    times = os.times()
    return times.user + times.system
