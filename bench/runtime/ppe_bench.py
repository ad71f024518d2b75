"""Python ProcessPoolExecutor / asyncio.to_thread comparators for bench_runtime."""
import asyncio
import concurrent.futures as cf
import os
import signal
import statistics
import time


def noop(x):
    return x


def nap(ms):
    time.sleep(ms / 1000)
    return ms


def kill_one_of_four():
    """SIGKILL one worker while 4 tasks are pending: how many futures fail."""
    with cf.ProcessPoolExecutor(max_workers=2) as pool:
        pool.submit(noop, 0).result()
        fs = [pool.submit(nap, 30) for _ in range(4)]
        time.sleep(0.005)
        os.kill(next(iter(pool._processes)), signal.SIGKILL)
        failed = 0
        for f in fs:
            try:
                f.result()
            except Exception:  # BrokenProcessPool
                failed += 1
    print(f"pp_kill_1_of_4_failed python {failed} tasks")


def main():
    t = time.perf_counter()
    with cf.ProcessPoolExecutor(max_workers=2) as pool:
        pool.submit(noop, 0).result()
        print(f"pp_startup_2_workers python {(time.perf_counter() - t) * 1e3:.6g} ms")
        lat = []
        for i in range(500):
            t1 = time.perf_counter()
            pool.submit(noop, i).result()
            lat.append((time.perf_counter() - t1) * 1e6)
        print(f"pp_roundtrip python {statistics.median(lat):.6g} us")
        n = 20000
        t2 = time.perf_counter()
        fs = [pool.submit(noop, i) for i in range(n)]
        for f in fs:
            f.result()
        print(f"pp_throughput_unchunked python {(time.perf_counter() - t2) / n * 1e6:.6g} us/task")
        t3 = time.perf_counter()
        list(pool.map(noop, range(n), chunksize=n // 8))
        print(f"pp_throughput_chunked python {(time.perf_counter() - t3) / n * 1e6:.6g} us/task")

    async def hops(n):
        t = time.perf_counter()
        for _ in range(n):
            await asyncio.to_thread(noop, 1)
        return (time.perf_counter() - t) / n * 1e6
    print(f"loop_pool_loop python {asyncio.run(hops(2000)):.6g} us")
    kill_one_of_four()


if __name__ == "__main__":
    main()
