"""Page ids of the wizard (kept apart from the pages, so that the start-up imports nothing
heavy). Platform pages are PLATFORM_FIRST + their index in the rulebook's order."""

START, MINISTER, SITUATION, ADVICE, CHOICE = 0, 1, 2, 3, 4
PLATFORM_FIRST = 10
WEBCARE, PREDECESSOR, ATTENTION, OVERVIEW, DOCUMENTS = 100, 101, 102, 103, 104
