package web

import (
	"context"
	"encoding/json"
	"fmt"
	"math"
	"net/http"
	"regexp"
	"strconv"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/labstack/echo/v4"

	"github.com/hushdesk/hushdesk/inference/lang"
)

// Appearance is how the chat widget looks on the company's site: its
// colour, the corner it sits in, and, per language, the welcome message
// the chat opens with and the launcher's text.
type Appearance struct {
	Color    string            `json:"color"`
	Position string            `json:"position"`
	Welcome  map[string]string `json:"welcome,omitempty"`
	Launcher map[string]string `json:"launcher,omitempty"`
}

// defaultAppearance is the widget's look until an admin changes it.
var defaultAppearance = Appearance{Color: "#2457c5", Position: "right"}

const appearanceSetting = "widget.appearance"

var colorRE = regexp.MustCompile(`^#[0-9a-fA-F]{6}$`)

// Limits of the widget's texts, in characters.
const (
	maxWelcome  = 300
	maxLauncher = 40
)

// check validates an appearance: a colour white text can be read on
// (contrast at least 4.5:1, WCAG AA), a side, and short texts in
// supported languages.
func (a *Appearance) check() error {
	if !colorRE.MatchString(a.Color) {
		return badRequest("color must be written #rrggbb")
	}
	a.Color = strings.ToLower(a.Color)
	if r := contrastWithWhite(a.Color); r < 4.5 {
		return badRequest(fmt.Sprintf("white text on %s has a contrast of %.1f:1; choose a darker colour (at least 4.5:1)", a.Color, r))
	}
	if a.Position != "left" && a.Position != "right" {
		return badRequest(`position must be "left" or "right"`)
	}
	for what, texts := range map[string]map[string]string{"welcome": a.Welcome, "launcher": a.Launcher} {
		max := maxWelcome
		if what == "launcher" {
			max = maxLauncher
		}
		for l, t := range texts {
			if _, ok := lang.Parse(l); !ok {
				return badRequest(what + ": unknown language " + l)
			}
			t = strings.TrimSpace(t)
			if utf8.RuneCountInString(t) > max || strings.ContainsFunc(t, unicode.IsControl) {
				return badRequest(fmt.Sprintf("%s (%s) has at most %d characters on one line", what, l, max))
			}
			if t == "" {
				delete(texts, l)
			} else {
				texts[l] = t
			}
		}
	}
	return nil
}

// contrastWithWhite is the WCAG contrast ratio of white on colour c.
func contrastWithWhite(c string) float64 {
	lin := func(hex string) float64 {
		v, _ := strconv.ParseUint(hex, 16, 8)
		x := float64(v) / 255
		if x <= 0.03928 {
			return x / 12.92
		}
		return math.Pow((x+0.055)/1.055, 2.4)
	}
	l := 0.2126*lin(c[1:3]) + 0.7152*lin(c[3:5]) + 0.0722*lin(c[5:7])
	return 1.05 / (l + 0.05)
}

// appearance reads the widget's appearance, or the default.
func (s *Server) appearance(ctx context.Context) Appearance {
	a := defaultAppearance
	if v, ok, err := s.parts.Settings.Setting(ctx, appearanceSetting); err == nil && ok {
		if err := json.Unmarshal(v, &a); err != nil {
			s.log.Warn("the widget's appearance is unreadable; using the default", "err", err)
			a = defaultAppearance
		}
	}
	return a
}

// getAppearance answers GET /api/v1/widget/appearance (admin).
func (s *Server) getAppearance(c echo.Context) error {
	return c.JSON(http.StatusOK, s.appearance(c.Request().Context()))
}

// putAppearance answers PUT /api/v1/widget/appearance (admin).
func (s *Server) putAppearance(c echo.Context) error {
	var a Appearance
	if err := decodeJSON(c, &a); err != nil {
		return err
	}
	if err := a.check(); err != nil {
		return err
	}
	v, _ := json.Marshal(a)
	if err := s.parts.Settings.PutSetting(c.Request().Context(), appearanceSetting, v, principal(c).Actor()); err != nil {
		return err
	}
	return c.JSON(http.StatusOK, a)
}
