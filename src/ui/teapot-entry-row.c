/* teapot-entry-row.c
 *
 * Copyright The Teapot authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gi18n.h>

#include "teapot-entry-row.h"
#include "teapot-format.h"

/* One row of the entry list: code tinted by class, phrase, vendor and status chips, star.
 * The list's factory binds one expression (the item) to "entry" and this widget fills its
 * children in C: a row built from a template with a dozen expression bindings cost about
 * 2 ms, which a keystroke that brings twenty new rows cannot afford. The star does not save
 * anything itself: it emits "favourite-toggled" and shows whatever the entry then says. */
struct _TeapotEntryRow
{
  GtkWidget parent_instance;

  GtkLabel *code_label;
  GtkLabel *phrase_label;
  GtkWidget *chips_box;
  GtkLabel *vendor_label;
  GtkLabel *status_label;
  GtkToggleButton *star_button;

  TeapotEntry *entry;
  gulong favourite_handler;
  /* The CSS classes and star state on display, so an unchanged row touches nothing. */
  const char *code_class;
  char *status_class;
  int starred; /* -1 before the first entry */
};

G_DEFINE_FINAL_TYPE (TeapotEntryRow, teapot_entry_row, GTK_TYPE_WIDGET)

enum {
  PROP_0,
  PROP_ENTRY,
  N_PROPS
};

enum {
  FAVOURITE_TOGGLED,
  N_SIGNALS
};

static GParamSpec *properties[N_PROPS];
static guint signals[N_SIGNALS];

static const char *
code_class_for (const char *class_name)
{
  static const char * const classes[] = { "class-1xx", "class-2xx", "class-3xx", "class-4xx", "class-5xx" };

  if (class_name == NULL || class_name[0] < '1' || class_name[0] > '5')
    return "class-other";
  return classes[class_name[0] - '1'];
}

static gboolean
is_status_notable (const char *status)
{
  /* Vendor codes are unofficial by definition: their vendor chip says enough. */
  return teapot_format_status_label (status) != NULL && g_strcmp0 (status, "unofficial") != 0;
}

static void
swap_css_class (GtkWidget  *widget,
                const char *old_class,
                const char *new_class)
{
  if (g_strcmp0 (old_class, new_class) == 0)
    return;
  if (old_class != NULL)
    gtk_widget_remove_css_class (widget, old_class);
  gtk_widget_add_css_class (widget, new_class);
}

static const char *
star_tooltip (gboolean favourite)
{
  return favourite ? _("Remove from Favourites (Ctrl+D)") : _("Add to Favourites (Ctrl+D)");
}

static void
update_star (TeapotEntryRow *self)
{
  gboolean favourite = self->entry != NULL && teapot_entry_get_favourite (self->entry);

  /* Setting the button to the entry's state toggles it, and on_star_toggled ignores that. */
  gtk_toggle_button_set_active (self->star_button, favourite);
  if (self->starred == favourite)
    return;
  self->starred = favourite;
  gtk_button_set_icon_name (GTK_BUTTON (self->star_button), favourite ? "starred-symbolic" : "non-starred-symbolic");
  /* What gtk_widget_set_tooltip_text would tell assistive technologies. The tooltip itself
   * comes from on_star_query_tooltip: setting it asks the X server where the pointer is
   * (two round trips), for every row built. */
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->star_button),
                                  GTK_ACCESSIBLE_PROPERTY_DESCRIPTION, star_tooltip (favourite),
                                  -1);
}

static void
update_labels (TeapotEntryRow *self)
{
  const char *vendor = NULL;
  const char *status = NULL;
  const char *code_class;
  const char *status_label;
  g_autofree char *code = NULL;
  g_autofree char *phrase = NULL;
  g_autofree char *status_class = NULL;
  gboolean has_vendor;
  gboolean notable;

  if (self->entry != NULL)
    {
      code = teapot_format_code (self->entry);
      vendor = teapot_entry_get_vendor (self->entry);
      status = teapot_entry_get_status (self->entry);
    }
  has_vendor = vendor != NULL && *vendor != '\0';
  notable = is_status_notable (status);
  status_label = teapot_format_status_label (status);

  gtk_label_set_label (self->code_label, code ? code : "");
  code_class = code_class_for (self->entry ? teapot_entry_get_class_name (self->entry) : NULL);
  swap_css_class (GTK_WIDGET (self->code_label), self->code_class, code_class);
  self->code_class = code_class;

  phrase = self->entry ? teapot_format_display_phrase (self->entry) : NULL;
  gtk_label_set_label (self->phrase_label, phrase ? phrase : "");

  gtk_widget_set_visible (self->chips_box, has_vendor || notable);
  gtk_label_set_label (self->vendor_label, has_vendor ? teapot_format_tag_name (vendor) : "");
  gtk_widget_set_visible (GTK_WIDGET (self->vendor_label), has_vendor);
  gtk_label_set_label (self->status_label, status_label ? status_label : "");
  gtk_widget_set_visible (GTK_WIDGET (self->status_label), notable);
  status_class = g_strdup_printf ("status-%s", status ? status : "permanent");
  swap_css_class (GTK_WIDGET (self->status_label), self->status_class, status_class);
  g_free (self->status_class);
  self->status_class = g_steal_pointer (&status_class);
}

static void
on_star_toggled (TeapotEntryRow *self)
{
  gboolean active = gtk_toggle_button_get_active (self->star_button);

  if (self->entry == NULL || teapot_entry_get_favourite (self->entry) == active)
    return;

  g_signal_emit (self, signals[FAVOURITE_TOGGLED], 0, active);
  /* Saved, the entry's notify has already set the star; refused, the star goes back. */
  update_star (self);
}

static gboolean
on_star_query_tooltip (TeapotEntryRow *self,
                       int             x,
                       int             y,
                       gboolean        keyboard_mode,
                       GtkTooltip     *tooltip)
{
  gtk_tooltip_set_text (tooltip, star_tooltip (self->starred == TRUE));
  return TRUE;
}

/* GtkWidget: the row is a horizontal box (code, phrase and chips, star) with a spacing of
 * 12 and the extra width to the middle, laid out here rather than by GtkBoxLayout: to
 * allocate a box, GtkBoxLayout measures each child's width for the box's height, and for a
 * wrapping label that is a binary search of Pango layouts (two dozen text shapings) per
 * row. Here the widths come from plain width requests and only heights depend on width. */

#define ROW_SPACING 12

static guint
distribute_widths (TeapotEntryRow   *self,
                   int               width,
                   GtkRequestedSize  sizes[3])
{
  GtkWidget *child;
  guint n = 0;
  int extra = width;
  guint n_expand = 0;

  for (child = gtk_widget_get_first_child (GTK_WIDGET (self)); child; child = gtk_widget_get_next_sibling (child))
    {
      if (!gtk_widget_should_layout (child))
        continue;
      g_assert (n < 3);
      gtk_widget_measure (child, GTK_ORIENTATION_HORIZONTAL, -1, &sizes[n].minimum_size, &sizes[n].natural_size,
                          NULL, NULL);
      sizes[n].data = child;
      extra -= sizes[n].minimum_size + (n > 0 ? ROW_SPACING : 0);
      if (gtk_widget_compute_expand (child, GTK_ORIENTATION_HORIZONTAL))
        n_expand++;
      n++;
    }

  extra = gtk_distribute_natural_allocation (MAX (extra, 0), n, sizes);
  for (guint i = 0; i < n; i++)
    {
      if (n_expand > 0 && gtk_widget_compute_expand (sizes[i].data, GTK_ORIENTATION_HORIZONTAL))
        {
          int share = extra / n_expand;

          sizes[i].minimum_size += share;
          extra -= share;
          n_expand--;
        }
    }
  return n;
}

static void
teapot_entry_row_measure (GtkWidget      *widget,
                          GtkOrientation  orientation,
                          int             for_size,
                          int            *minimum,
                          int            *natural,
                          int            *minimum_baseline,
                          int            *natural_baseline)
{
  TeapotEntryRow *self = TEAPOT_ENTRY_ROW (widget);
  GtkRequestedSize sizes[3];
  guint n;

  *minimum = *natural = 0;
  if (orientation == GTK_ORIENTATION_HORIZONTAL)
    {
      n = distribute_widths (self, 0, sizes);
      for (guint i = 0; i < n; i++)
        {
          /* distribute_widths with no width left the minimum widths alone. */
          *minimum += sizes[i].minimum_size + (i > 0 ? ROW_SPACING : 0);
          *natural += sizes[i].natural_size + (i > 0 ? ROW_SPACING : 0);
        }
      return;
    }

  if (for_size < 0)
    {
      for (GtkWidget *child = gtk_widget_get_first_child (widget); child; child = gtk_widget_get_next_sibling (child))
        {
          int child_min, child_nat;

          if (!gtk_widget_should_layout (child))
            continue;
          gtk_widget_measure (child, GTK_ORIENTATION_VERTICAL, -1, &child_min, &child_nat, NULL, NULL);
          *minimum = MAX (*minimum, child_min);
          *natural = MAX (*natural, child_nat);
        }
      return;
    }

  n = distribute_widths (self, for_size, sizes);
  for (guint i = 0; i < n; i++)
    {
      int child_min, child_nat;

      gtk_widget_measure (sizes[i].data, GTK_ORIENTATION_VERTICAL, sizes[i].minimum_size, &child_min, &child_nat,
                          NULL, NULL);
      *minimum = MAX (*minimum, child_min);
      *natural = MAX (*natural, child_nat);
    }
}

static void
teapot_entry_row_size_allocate (GtkWidget *widget,
                                int        width,
                                int        height,
                                int        baseline)
{
  TeapotEntryRow *self = TEAPOT_ENTRY_ROW (widget);
  gboolean rtl = gtk_widget_get_direction (widget) == GTK_TEXT_DIR_RTL;
  GtkRequestedSize sizes[3];
  guint n = distribute_widths (self, width, sizes);
  int x = 0;

  for (guint i = 0; i < n; i++)
    {
      int child_x = rtl ? width - x - sizes[i].minimum_size : x;

      /* The children's valign centres them in the row's height. */
      gtk_widget_size_allocate (sizes[i].data, &(GtkAllocation) { child_x, 0, sizes[i].minimum_size, height }, -1);
      x += sizes[i].minimum_size + ROW_SPACING;
    }
}

static GtkSizeRequestMode
teapot_entry_row_get_request_mode (GtkWidget *widget)
{
  return GTK_SIZE_REQUEST_HEIGHT_FOR_WIDTH;
}

/* GObject */

static void
teapot_entry_row_dispose (GObject *object)
{
  TeapotEntryRow *self = (TeapotEntryRow *) object;
  GtkWidget *child;

  if (self->entry != NULL)
    g_clear_signal_handler (&self->favourite_handler, self->entry);
  g_clear_object (&self->entry);
  gtk_widget_dispose_template (GTK_WIDGET (self), TEAPOT_TYPE_ENTRY_ROW);
  /* The box around the phrase and chips is not a bound child: unparent it too. */
  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self))) != NULL)
    gtk_widget_unparent (child);

  G_OBJECT_CLASS (teapot_entry_row_parent_class)->dispose (object);
}

static void
teapot_entry_row_finalize (GObject *object)
{
  TeapotEntryRow *self = (TeapotEntryRow *) object;

  g_free (self->status_class);

  G_OBJECT_CLASS (teapot_entry_row_parent_class)->finalize (object);
}

static void
teapot_entry_row_get_property (GObject    *object,
                               guint       prop_id,
                               GValue     *value,
                               GParamSpec *pspec)
{
  TeapotEntryRow *self = TEAPOT_ENTRY_ROW (object);

  switch (prop_id)
    {
    case PROP_ENTRY:
      g_value_set_object (value, self->entry);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
teapot_entry_row_set_property (GObject      *object,
                               guint         prop_id,
                               const GValue *value,
                               GParamSpec   *pspec)
{
  TeapotEntryRow *self = TEAPOT_ENTRY_ROW (object);

  switch (prop_id)
    {
    case PROP_ENTRY:
      teapot_entry_row_set_entry (self, g_value_get_object (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
teapot_entry_row_class_init (TeapotEntryRowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = teapot_entry_row_dispose;
  object_class->finalize = teapot_entry_row_finalize;
  object_class->get_property = teapot_entry_row_get_property;
  object_class->set_property = teapot_entry_row_set_property;

  properties[PROP_ENTRY] =
    g_param_spec_object ("entry", NULL, NULL, TEAPOT_TYPE_ENTRY,
                         G_PARAM_READWRITE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  /* The reader pressed the star: @favourite is what they asked for. Whoever saves it (the
   * entry list) changes the entry, and the star follows the entry, saved or not. */
  signals[FAVOURITE_TOGGLED] =
    g_signal_new ("favourite-toggled", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0, NULL, NULL, NULL,
                  G_TYPE_NONE, 1, G_TYPE_BOOLEAN);

  gtk_widget_class_set_template_from_resource (widget_class, RESOURCE_PREFIX "/ui/teapot-entry-row.ui");
  gtk_widget_class_bind_template_child (widget_class, TeapotEntryRow, code_label);
  gtk_widget_class_bind_template_child (widget_class, TeapotEntryRow, phrase_label);
  gtk_widget_class_bind_template_child (widget_class, TeapotEntryRow, chips_box);
  gtk_widget_class_bind_template_child (widget_class, TeapotEntryRow, vendor_label);
  gtk_widget_class_bind_template_child (widget_class, TeapotEntryRow, status_label);
  gtk_widget_class_bind_template_child (widget_class, TeapotEntryRow, star_button);
  gtk_widget_class_bind_template_callback (widget_class, on_star_toggled);
  gtk_widget_class_bind_template_callback (widget_class, on_star_query_tooltip);

  widget_class->measure = teapot_entry_row_measure;
  widget_class->size_allocate = teapot_entry_row_size_allocate;
  widget_class->get_request_mode = teapot_entry_row_get_request_mode;
  gtk_widget_class_set_css_name (widget_class, "entryrow");
}

static void
teapot_entry_row_init (TeapotEntryRow *self)
{
  self->starred = -1;
  gtk_widget_init_template (GTK_WIDGET (self));
  update_labels (self);
  update_star (self);
}

GtkWidget *
teapot_entry_row_new (void)
{
  return g_object_new (TEAPOT_TYPE_ENTRY_ROW, NULL);
}

TeapotEntry *
teapot_entry_row_get_entry (TeapotEntryRow *self)
{
  g_return_val_if_fail (TEAPOT_IS_ENTRY_ROW (self), NULL);
  return self->entry;
}

void
teapot_entry_row_set_entry (TeapotEntryRow *self,
                            TeapotEntry    *entry)
{
  g_return_if_fail (TEAPOT_IS_ENTRY_ROW (self));
  g_return_if_fail (entry == NULL || TEAPOT_IS_ENTRY (entry));

  if (self->entry == entry)
    return;

  if (self->entry != NULL)
    g_clear_signal_handler (&self->favourite_handler, self->entry);
  g_set_object (&self->entry, entry);
  if (entry != NULL)
    self->favourite_handler =
      g_signal_connect_swapped (entry, "notify::favourite", G_CALLBACK (update_star), self);

  update_labels (self);
  update_star (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_ENTRY]);
}
