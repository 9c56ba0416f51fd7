"""Roster mode: a staff roster (CSV or .xlsx) read row by row, each row's amounts and statuses added.

The parts, in the order a roster passes through them:
``csv_io`` / ``xlsx_io`` read the file's rows; ``header`` finds the header row and what each column
means (``columns`` names them, ``office_words`` adds a register's own words); ``facts`` turns a row's
cells into the calculator's facts and ``register`` reads a row as staff keep it (``id_numbers``: the
身份证号); ``households`` finds repeats and couples across rows; ``rows`` evaluates each row and adds
the output columns (``cells`` words them); ``summary`` counts and ``report`` says the file's report;
``changes`` lists what changes up to a date; ``output`` writes the annotated roster; ``api`` is the
entry for the browser worker and the package (``roster_csv``, ``roster_xlsx``, ``roster_json``);
``cli`` is ``python -m calculator roster``.
"""
