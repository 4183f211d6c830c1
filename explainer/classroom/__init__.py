"""The classroom server: Voilà's app mode set up for a whole class on one machine.

Measured before it existed (10 students on a 2-core machine): the last page drew after 54 s,
every page load left a 55 MB kernel running for ever, and any web page could drive the server
by DNS rebinding. Measured on its first version: 60 page loads at once started 60 kernels
(3.8 GB) for a class of 3, a page of another site started kernels with `fetch(..., {mode:
"no-cors"})`, `--token` put the token on a command line every user could read, and `kill -TERM`
left Voilà and every kernel running. So:

- preheated kernels (`config`): Voilà runs the notebook ahead of time in a pool of kernels, one
  per student, and a page is served from a kernel that has already run every cell;
- a cap (`kernels`): at most the class size and a small margin of pages hold a kernel at once;
  past it, a plain "the class is full" page (`admission`);
- culling (`kernels`): a kernel whose page has closed and which has been idle for a minute is
  stopped; the pool is never culled, and a page is given time to connect to its kernel;
- only the link opens a page (explainer.link_page, as in the app): every page load that would
  take a kernel must carry the link's key and be a navigation (fetch metadata), so no other
  site can spend a kernel;
  on 127.0.0.1 a request naming another host is refused too (DNS rebinding);
- the key is made in this process and kept in memory and in a file only the teacher can read
  (`server`); Voilà runs in this process, so it stops whole (see explainer.lifetime).

`server.ClassroomVoila.routes` is where handlers of the classroom's own (answers, a teacher's
view) are added.
"""
