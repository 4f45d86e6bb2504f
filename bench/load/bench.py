"""Times loading the benchmark CSV with trendcast and with pandas.read_csv, in the same run.

trendcast is timed as a whole process (start-up, read, type and date inference, exit);
pandas is timed inside an already running Python (import excluded), parsing the date column
as trendcast does. The best of N runs is reported for each, and their ratio.
"""
import subprocess
import sys
import time

import pandas as pd

def best_of(n, run):
    times = []
    for _ in range(n):
        start = time.perf_counter()
        run()
        times.append(time.perf_counter() - start)
    return min(times)

def main(trendcast: str, csv: str, script: str, empty: str, runs: int = 5) -> None:
    def run_trendcast(path):
        subprocess.run([trendcast, "run", path], check=True, stdout=subprocess.DEVNULL)
    tc = best_of(runs, lambda: run_trendcast(script))
    pandas_time = best_of(runs, lambda: pd.read_csv(csv, parse_dates=["date"]))
    startup = best_of(runs * 2, lambda: run_trendcast(empty))
    print(f"rows: 1,000,000 (date, sku, units, price); best of {runs}")
    print(f"trendcast load (whole process): {tc * 1000:8.1f} ms")
    print(f"pandas.read_csv(parse_dates):   {pandas_time * 1000:8.1f} ms   (pandas {pd.__version__})")
    print(f"ratio pandas / trendcast:       {pandas_time / tc:8.2f}x")
    print(f"trendcast empty script:         {startup * 1000:8.1f} ms")

if __name__ == "__main__":
    main(*sys.argv[1:5])
