"""A loopback TCP relay that behaves like a phone's network link: limited bandwidth and a round trip.

DevTools network emulation only throttles the page's own requests, not those of the Web Worker
that downloads Pyodide, so the benchmark sends the browser through this relay instead: every
request of the page, its worker and its service worker crosses the same emulated link.

Each direction is one shared link: a chunk leaves no earlier than its arrival plus the one-way
delay, and no earlier than the link has finished sending the chunks before it at the given rate.
"""

from __future__ import annotations

import asyncio
import threading
import time
from dataclasses import dataclass, field


@dataclass
class Link:
    """One direction of the emulated network, shared by every connection."""

    bytes_per_second: float
    one_way_delay: float
    busy_until: float = field(default=0.0)

    def release_time(self, size: int, arrived: float) -> float:
        start = max(arrived + self.one_way_delay, self.busy_until)
        self.busy_until = start + size / self.bytes_per_second
        return self.busy_until


async def _pipe(reader: asyncio.StreamReader, writer: asyncio.StreamWriter, link: Link) -> None:
    queue: asyncio.Queue[tuple[float, bytes]] = asyncio.Queue()

    async def deliver() -> None:
        while True:
            release, chunk = await queue.get()
            if not chunk:
                break
            await asyncio.sleep(max(0.0, release - time.monotonic()))
            writer.write(chunk)
            await writer.drain()
        writer.close()

    sender = asyncio.create_task(deliver())
    try:
        while chunk := await reader.read(16384):
            queue.put_nowait((link.release_time(len(chunk), time.monotonic()), chunk))
    except ConnectionError:
        pass
    queue.put_nowait((0.0, b""))
    await sender


class ThrottledRelay:
    """Relay 127.0.0.1:<port> to ``target_port`` through a down/up link pair, in a thread of its own."""

    def __init__(self, target_port: int, down_mbit: float = 10, up_mbit: float = 5, rtt_ms: float = 40) -> None:
        self.target_port = target_port
        self.down = Link(down_mbit * 1_000_000 / 8, rtt_ms / 2000)
        self.up = Link(up_mbit * 1_000_000 / 8, rtt_ms / 2000)
        self.loop = asyncio.new_event_loop()
        self.port = 0
        started = threading.Event()
        threading.Thread(target=self._run, args=(started,), daemon=True).start()
        started.wait()

    def _run(self, started: threading.Event) -> None:
        asyncio.set_event_loop(self.loop)
        server = self.loop.run_until_complete(asyncio.start_server(self._serve, "127.0.0.1", 0))
        self.port = server.sockets[0].getsockname()[1]
        started.set()
        self.loop.run_forever()

    async def _serve(self, client_reader: asyncio.StreamReader, client_writer: asyncio.StreamWriter) -> None:
        try:
            server_reader, server_writer = await asyncio.open_connection("127.0.0.1", self.target_port)
        except OSError:
            client_writer.close()
            return
        try:
            await asyncio.gather(_pipe(client_reader, server_writer, self.up), _pipe(server_reader, client_writer, self.down))
        except asyncio.CancelledError:
            client_writer.close()  # the relay is stopping: end quietly rather than as a cancelled task

    def stop(self) -> None:
        """Cancel the connections still open, then stop the loop (so no task is left to be destroyed)."""

        async def shut_down() -> None:
            tasks = [task for task in asyncio.all_tasks() if task is not asyncio.current_task()]
            for task in tasks:
                task.cancel()
            await asyncio.gather(*tasks, return_exceptions=True)

        asyncio.run_coroutine_threadsafe(shut_down(), self.loop).result(timeout=10)
        self.loop.call_soon_threadsafe(self.loop.stop)
