/* window-probe.c
 *
 * Copyright The Teapot authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

/* Measures a GUI program from the outside, on an X server with a black root window and no
 * window manager (Xvfb -br): the time from exec to the window being mapped and to its first
 * painted frame, optionally the time from each synthetic keystroke (XTest) to the first
 * change of pixels in a region, and the resident memory once idle. The keystrokes wait for
 * the X server's damage events on the region rather than reading its pixels over and over:
 * an XGetImage every few hundred microseconds kept Xvfb, which also draws the application's
 * frames, busy, and added milliseconds to the very latency it measured.
 *
 *   window-probe [--type TEXT] [--region X,Y,W,H] [--pointer X,Y] [--idle MS] TITLE -- COMMAND [ARGS...]
 *
 * Prints one line of key=value pairs: map_ms, paint_ms, key_ms (median of the keystrokes that
 * changed the region, with n_keys), rss_kib. Not part of the build: bench/window-startup.sh
 * compiles it with cc. */

#include <X11/Xatom.h>
#include <X11/Xlib.h>
#include <X11/Xutil.h>
#include <X11/extensions/XTest.h>
#include <X11/extensions/Xdamage.h>
#include <poll.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>

static double
now_ms (void)
{
  struct timespec ts;

  clock_gettime (CLOCK_MONOTONIC, &ts);
  return ts.tv_sec * 1000.0 + ts.tv_nsec / 1e6;
}

static int
title_matches (Display *display, Window window, const char *title)
{
  Atom net_wm_name = XInternAtom (display, "_NET_WM_NAME", False);
  Atom utf8 = XInternAtom (display, "UTF8_STRING", False);
  Atom type;
  int format;
  unsigned long n_items, after;
  unsigned char *data = NULL;
  int match = 0;

  if (XGetWindowProperty (display, window, net_wm_name, 0, 1024, False, utf8, &type, &format, &n_items, &after,
                          &data) == Success && data != NULL)
    {
      match = strcmp ((char *) data, title) == 0;
      XFree (data);
    }
  return match;
}

/* A checksum of the region's pixels; 0 means all black (nothing painted yet). */
static unsigned long
region_sum (Display *display, Window window, int x, int y, int w, int h)
{
  XImage *image = XGetImage (display, window, x, y, w, h, AllPlanes, ZPixmap);
  unsigned long sum = 0;

  if (image == NULL)
    return 0;
  for (int j = 0; j < h; j++)
    for (int i = 0; i < w; i++)
      sum = sum * 31 + (XGetPixel (image, i, j) & 0xffffff);
  XDestroyImage (image);
  return sum;
}

static int
region_is_black (Display *display, Window window, int x, int y, int w, int h)
{
  XImage *image = XGetImage (display, window, x, y, w, h, AllPlanes, ZPixmap);
  int black = 1;

  if (image == NULL)
    return 1;
  for (int j = 0; j < h && black; j++)
    for (int i = 0; i < w && black; i++)
      if ((XGetPixel (image, i, j) & 0xffffff) != 0)
        black = 0;
  XDestroyImage (image);
  return black;
}

static int
damage_in_region (const XDamageNotifyEvent *event, int x, int y, int w, int h)
{
  const XRectangle *area = &event->area;

  return area->x < x + w && x < area->x + area->width && area->y < y + h && y < area->y + area->height;
}

static void
drain_events (Display *display)
{
  XSync (display, False);
  while (XPending (display))
    {
      XEvent event;

      XNextEvent (display, &event);
    }
}

static int
compare_doubles (const void *a, const void *b)
{
  double x = *(const double *) a, y = *(const double *) b;

  return x < y ? -1 : x > y;
}

static long
rss_kib (pid_t pid)
{
  char path[64], line[256];
  FILE *file;
  long rss = -1;

  snprintf (path, sizeof path, "/proc/%d/status", (int) pid);
  file = fopen (path, "r");
  while (file != NULL && fgets (line, sizeof line, file) != NULL)
    if (strncmp (line, "VmRSS:", 6) == 0)
      rss = strtol (line + 6, NULL, 10);
  if (file != NULL)
    fclose (file);
  return rss;
}

int
main (int argc, char *argv[])
{
  const char *type_text = NULL, *title;
  int rx = -1, ry = -1, rw = 0, rh = 0, px = -1, py = -1, idle_ms = 2000, arg = 1;
  Display *display;
  Window root, window = 0;
  pid_t pid;
  double start, map_ms = -1, paint_ms = -1, deadline;
  double key_times[256];
  int n_keys = 0;
  XWindowAttributes attributes;
  int damage_base = 0, damage_error = 0;

  for (; arg < argc && strncmp (argv[arg], "--", 2) == 0 && argv[arg][2] != '\0'; arg++)
    {
      if (strcmp (argv[arg], "--type") == 0 && arg + 1 < argc)
        type_text = argv[++arg];
      else if (strcmp (argv[arg], "--region") == 0 && arg + 1 < argc)
        sscanf (argv[++arg], "%d,%d,%d,%d", &rx, &ry, &rw, &rh);
      else if (strcmp (argv[arg], "--pointer") == 0 && arg + 1 < argc)
        sscanf (argv[++arg], "%d,%d", &px, &py);
      else if (strcmp (argv[arg], "--idle") == 0 && arg + 1 < argc)
        idle_ms = atoi (argv[++arg]);
    }
  if (arg + 2 >= argc || strcmp (argv[arg + 1], "--") != 0)
    {
      fprintf (stderr, "usage: window-probe [--type TEXT] [--region X,Y,W,H] [--pointer X,Y] [--idle MS] TITLE -- COMMAND...\n");
      return 2;
    }
  title = argv[arg];

  display = XOpenDisplay (NULL);
  if (display == NULL)
    {
      fprintf (stderr, "window-probe: cannot open the display\n");
      return 1;
    }
  root = DefaultRootWindow (display);
  XSelectInput (display, root, SubstructureNotifyMask);
  XSync (display, False);

  start = now_ms ();
  pid = fork ();
  if (pid == 0)
    {
      execvp (argv[arg + 2], argv + arg + 2);
      _exit (127);
    }

  /* Mapped: the first toplevel with our title to be mapped. */
  deadline = start + 20000;
  while (window == 0 && now_ms () < deadline)
    {
      struct pollfd fd = { ConnectionNumber (display), POLLIN, 0 };

      while (XPending (display))
        {
          XEvent event;

          XNextEvent (display, &event);
          if (event.type == MapNotify && title_matches (display, event.xmap.window, title))
            {
              window = event.xmap.window;
              map_ms = now_ms () - start;
            }
        }
      if (window == 0)
        poll (&fd, 1, 5);
    }
  if (window == 0)
    {
      fprintf (stderr, "window-probe: no window titled %s\n", title);
      kill (pid, SIGTERM);
      return 1;
    }

  /* Painted: the middle of the window is no longer the black root showing through. */
  XGetWindowAttributes (display, window, &attributes);
  while (now_ms () < deadline)
    {
      int w = attributes.width / 2, h = attributes.height / 2;

      if (!region_is_black (display, window, w / 2, h / 2, w, h))
        {
          paint_ms = now_ms () - start;
          break;
        }
      usleep (500);
    }

  usleep (idle_ms * 1000);

  if (type_text != NULL && rw > 0)
    {
      if (!XDamageQueryExtension (display, &damage_base, &damage_error))
        {
          fprintf (stderr, "window-probe: the X server has no DAMAGE extension\n");
          kill (pid, SIGTERM);
          return 1;
        }
      XDamageCreate (display, window, XDamageReportRawRectangles);
      XRaiseWindow (display, window);
      XSetInputFocus (display, window, RevertToParent, CurrentTime);
      /* Where a person's pointer rests while typing: GTK sends the widget under it a motion
       * event after every frame that moves things, and a scrolled window shows its
       * scrollbar for it (Xvfb starts with the pointer in the middle of the screen). */
      if (px >= 0)
        XWarpPointer (display, None, window, 0, 0, 0, 0, px, py);
      XSync (display, False);
      usleep (200000);
      for (const char *c = type_text; *c != '\0' && n_keys < 256; c++)
        {
          char name[2] = { *c, '\0' };
          KeySym keysym = *c == ' ' ? XK_space : XStringToKeysym (name);
          KeyCode keycode = XKeysymToKeycode (display, keysym);
          unsigned long before = region_sum (display, window, rx, ry, rw, rh);
          double pressed, limit, changed = -1;

          drain_events (display);
          XTestFakeKeyEvent (display, keycode, True, 0);
          XTestFakeKeyEvent (display, keycode, False, 0);
          XFlush (display);
          pressed = now_ms ();
          limit = pressed + 1000;
          while (changed < 0 && now_ms () < limit)
            {
              struct pollfd fd = { ConnectionNumber (display), POLLIN, 0 };

              if (!XPending (display))
                poll (&fd, 1, (int) (limit - now_ms ()) + 1);
              while (changed < 0 && XPending (display))
                {
                  XEvent event;

                  XNextEvent (display, &event);
                  if (event.type == damage_base + XDamageNotify
                      && damage_in_region ((XDamageNotifyEvent *) &event, rx, ry, rw, rh))
                    {
                      double at = now_ms ();

                      /* Drawn over with the same pixels (a row rebound to the same entry)
                       * is not a change. */
                      if (region_sum (display, window, rx, ry, rw, rh) != before)
                        changed = at - pressed;
                    }
                }
            }
          if (changed >= 0)
            key_times[n_keys++] = changed;
          usleep (150000);
        }
      usleep (idle_ms * 1000);
    }

  printf ("map_ms=%.0f paint_ms=%.0f", map_ms, paint_ms);
  if (n_keys > 0)
    {
      qsort (key_times, n_keys, sizeof key_times[0], compare_doubles);
      printf (" key_ms=%.1f key_max_ms=%.1f n_keys=%d keys_ms=", key_times[n_keys / 2], key_times[n_keys - 1], n_keys);
      /* Every sample, for a p95 over several runs. */
      for (int i = 0; i < n_keys; i++)
        printf ("%s%.1f", i > 0 ? "," : "", key_times[i]);
    }
  printf (" rss_kib=%ld\n", rss_kib (pid));

  kill (pid, SIGTERM);
  waitpid (pid, NULL, 0);
  XCloseDisplay (display);
  return 0;
}
