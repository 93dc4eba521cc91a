"""The site-wide tidy tables as Parquet: the same rows as the gzip CSV files, with their types kept.

A CSV file carries no types, so every reader guesses them: pandas makes the
unit code ``003001`` the number ``3001`` and a money column a binary float.
A Parquet file says each column's type, and every reader (pandas, DuckDB,
R's arrow, Spark) takes it as said: codes and text are strings, years, row
and line numbers integers, and money a ``decimal(18, 2)`` of 元, exact (pandas
reads it as Python ``Decimal``; DuckDB sums it exactly).

Each file is made from the same gzip CSV members as the CSV file (read as a
stream, a batch at a time, so memory stays small at any size): the two hold
the same rows and the same text, a formula-like text cell with its
apostrophe too (``csvsafe``).  The output is deterministic: the same CSV
gives the same bytes.

The Parquet copy is one file per region (``urls.tidy_parquet``): a Parquet
file cannot be appended to, so one file for the whole site would be written
whole whenever any disclosure changed (25 s at ten thousand
department-years); a region's file is written again only when one of its
disclosures changed, and otherwise taken from the previous output.
"""

from __future__ import annotations

from pathlib import Path

from generator.store.tidy import Field

MONEY_TYPE = (18, 2)            # decimal(18, 2): 元 to the 分, up to ten thousand trillion
ROW_GROUP = 1 << 20             # rows per row group: large enough for readers to skip whole groups by statistics
# zstd's level: 3 writes a table of 680,000 rows in 2.3 s where 9 takes 3.7 s, for 5 % more bytes; every build
# writes the files whole (they change with any disclosure), so time counts more than those bytes
ZSTD_LEVEL = 3


def arrow_type(field: Field):
    import pyarrow as pa

    if field.money:
        return pa.decimal128(*MONEY_TYPE)
    return {"integer": pa.int64(), "number": pa.decimal128(*MONEY_TYPE)}.get(field.type, pa.string())


def write_parquet(csv_gz: Path | bytes, fields: list[Field], target: Path) -> int:
    """Write the gzip CSV ``csv_gz`` (a file, or its bytes; its header the names of ``fields``) as Parquet at
    ``target``; its size."""
    import pyarrow as pa
    import pyarrow.csv as pacsv
    import pyarrow.parquet as pq

    source = pa.BufferReader(csv_gz) if isinstance(csv_gz, bytes) else str(csv_gz)

    schema = pa.schema([pa.field(f.name, arrow_type(f)) for f in fields])
    convert = pacsv.ConvertOptions(column_types=schema, strings_can_be_null=True, null_values=[""],
                                   quoted_strings_can_be_null=False)
    read = pacsv.ReadOptions(block_size=1 << 24)
    with pa.input_stream(source, compression="gzip") as raw, \
            pacsv.open_csv(raw, read_options=read, convert_options=convert) as reader, \
            pq.ParquetWriter(str(target), schema, compression="zstd", compression_level=ZSTD_LEVEL,
                             write_statistics=True, store_schema=False) as writer:
        if reader.schema.names != schema.names:
            raise ValueError(f"{target.name}: its header is not the table's fields")
        pending: list = []
        count = 0
        for batch in reader:
            pending.append(batch)
            count += batch.num_rows
            if count >= ROW_GROUP:
                writer.write_table(pa.Table.from_batches(pending, schema), row_group_size=ROW_GROUP)
                pending, count = [], 0
        if pending:
            writer.write_table(pa.Table.from_batches(pending, schema), row_group_size=ROW_GROUP)
    return target.stat().st_size
