"""The class's answers: what each student answered to the exercises, kept for the teacher.

One row per student and exercise (`row.Row`): the first answer, the final one, how many tries,
how many hints were seen, and when. Nothing else about a student: by default a page is a random
short label; a name only if the class is run with `--names` and the student types one.

- `store`: the classroom server's record, an SQLite file per lesson on the teacher's machine;
- `handin`: the same rows as one small JSON file a student saves without the server;
- `table` and `summary`: the CSV and the per-exercise summary, the same from either source;
- `page` and `widget`: the kernel's side (the rows of this page, saved or sent to the server);
- `server`: the routes the classroom server adds (recording, the teacher's view, the CSV).
"""
