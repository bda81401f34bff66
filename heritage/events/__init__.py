"""Recurring events (`data/su-kien/<id>.yml`): what happens again and again at a place, on
lunar days of each month (the 1st and 15th at a pagoda) or on a weekday each week (a class,
an evening performance). Their schema, their dates and how pages, calendars and JSON-LD
show them; festivals stay in `heritage.calendar`."""
