package web

import (
	"fmt"
	"strconv"
)

func itoa(n int) string { return strconv.Itoa(n) }

// formatPct renders a share (0 to 1) as a percentage with one decimal.
func formatPct(f float64) string { return fmt.Sprintf("%.1f%%", f*100) }
