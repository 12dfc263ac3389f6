#include <cairo.h>
#include <cairo-pdf.h>
#include <pango/pangocairo.h>
#include <pango/pangofc-fontmap.h>
#include <pango/pangofc-font.h>
#include <fontconfig/fontconfig.h>

/* GObject casts and checks are macros; Swift cannot call them. */

static inline int peixun_pango_is_fc_font_map(PangoFontMap *map) {
    return PANGO_IS_FC_FONT_MAP(map);
}

static inline PangoFcFontMap *peixun_pango_fc_font_map(PangoFontMap *map) {
    return PANGO_IS_FC_FONT_MAP(map) ? PANGO_FC_FONT_MAP(map) : NULL;
}

/* The fontconfig pattern of a font Pango chose, or NULL if it is not a
   fontconfig font. The pattern belongs to the font. */
static inline FcPattern *peixun_pango_font_pattern(PangoFont *font) {
    if (font == NULL || !PANGO_IS_FC_FONT(font)) return NULL;
    return pango_fc_font_get_pattern(PANGO_FC_FONT(font));
}

/* The n-th family name of a fontconfig pattern, or NULL. */
static inline const char *peixun_fc_pattern_family(FcPattern *pattern, int n) {
    FcChar8 *s = NULL;
    if (FcPatternGetString(pattern, FC_FAMILY, n, &s) != FcResultMatch) return NULL;
    return (const char *)s;
}

/* The file a fontconfig pattern was loaded from, or NULL. */
static inline const char *peixun_fc_pattern_file(FcPattern *pattern) {
    FcChar8 *s = NULL;
    if (FcPatternGetString(pattern, FC_FILE, 0, &s) != FcResultMatch) return NULL;
    return (const char *)s;
}

static inline void peixun_g_object_unref(void *object) { g_object_unref(object); }

static inline unsigned int peixun_pango_glyph_unknown_flag(void) { return PANGO_GLYPH_UNKNOWN_FLAG; }
