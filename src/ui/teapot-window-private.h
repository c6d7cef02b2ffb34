/* teapot-window-private.h
 *
 * Copyright The Teapot authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "teapot-window.h"
#include "teapot-compare-banner.h"
#include "teapot-detail-view.h"
#include "teapot-entry-list.h"
#include "teapot-explain-view.h"
#include "teapot-study-view.h"

G_BEGIN_DECLS

struct _TeapotWindow
{
  AdwApplicationWindow parent_instance;

  AdwToastOverlay *toast_overlay;
  AdwViewStack *main_stack;
  AdwNavigationSplitView *split_view;
  /* Where Browse/Study is switched: the header bars when wide, the bottom bar when narrow. */
  GtkWidget *browse_switcher;
  AdwViewSwitcherBar *switcher_bar;
  GtkWidget *favourites_toggle;
  AdwBin *study_page;
  AdwBin *explain_page;
  /* NULL until the page is first visited (or asked for). */
  TeapotStudyView *study_view;
  TeapotExplainView *explain_view;
  TeapotEntryList *entry_list;
  AdwWindowTitle *detail_title;
  AdwNavigationPage *detail_page;
  GtkWidget *primary_menu_button;
  GMenuModel *primary_menu;
  GtkWidget *star_button;
  GtkWidget *copy_button;
  GMenuModel *copy_menu;
  GtkWidget *compare_button;
  TeapotCompareBanner *compare_banner;
  TeapotDetailView *detail;

  TeapotStore *store;
  GSettings *settings;
  TeapotEntry *current;
  GSignalGroup *current_signals;
  guint show_selected_source;

  char *constant_language;
};

void     _teapot_window_class_add_actions (GtkWidgetClass *widget_class);
void     _teapot_window_add_filter_actions (TeapotWindow  *self);
void     _teapot_window_remove_filter_actions (TeapotWindow  *self);
void     _teapot_window_update_actions    (TeapotWindow   *self);
void     _teapot_window_toast             (TeapotWindow   *self,
                                           const char     *text);
void     _teapot_window_show_list         (TeapotWindow   *self);
gboolean _teapot_window_is_showing_detail (TeapotWindow   *self);
/* The page's view, built first if it was not yet. */
TeapotStudyView   *_teapot_window_get_study_view   (TeapotWindow *self);
TeapotExplainView *_teapot_window_get_explain_view (TeapotWindow *self);

G_END_DECLS
