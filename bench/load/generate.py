"""Writes the benchmark CSV: one million order lines (date, sku, units, price), seeded."""
import datetime
import random
import sys

def main(path: str, rows: int = 1_000_000) -> None:
    random.seed(42)
    start = datetime.date(2020, 1, 1)
    skus = [f"SKU{i:04d}" for i in range(1000)]
    with open(path, "w") as out:
        out.write("date,sku,units,price\n")
        for i in range(rows):
            day = start + datetime.timedelta(days=i // 1000)
            out.write(f"{day.isoformat()},{skus[i % 1000]},{random.randint(0, 50)},{random.randint(100, 9999) / 100:.2f}\n")

if __name__ == "__main__":
    main(sys.argv[1], int(sys.argv[2]) if len(sys.argv) > 2 else 1_000_000)
