"""The facts a resident answers: :mod:`.spec` (``data/facts.toml``: the questions), :mod:`.parse` (input
checked against them), :mod:`.consistency` (answers that contradict each other) and :mod:`.ages` (dates, 周岁)."""
