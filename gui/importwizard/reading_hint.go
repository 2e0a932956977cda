package importwizard

import (
	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"
)

// The hint beside each reading setting: what was detected and how sure.

// How sure a detection is, as the hint beside the setting shows it.
type certainty int

const (
	certain   certainty = iota // a tick, secondary text
	uncertain                  // a warning sign, warning colour: check the preview
	chosen                     // the user's own choice
)

// guessHint says what was detected and how sure, or that the user chose
// something else.
func guessHint(forced bool, detected string, confidence float64, sure bool, lang string) (string, certainty) {
	switch {
	case forced:
		return tr("your choice (detected: %s)", detected), chosen
	case !sure:
		return tr("detected, not sure: check the preview"), uncertain
	case confidence >= 0.999:
		return tr("detected, sure"), certain
	case confidence >= 0.8:
		return tr("detected, %s sure", percent(confidence, lang)), certain
	}
	return tr("detected, only %s sure: check the preview", percent(confidence, lang)), uncertain
}

// detectionHint is the icon and text beside a reading setting: an uncertain
// detection looks different from a sure one by colour and by icon, not by
// its words alone.
type detectionHint struct {
	icon *widget.Icon
	text *widget.Label
	sure certainty
	root fyne.CanvasObject
}

func newDetectionHint() *detectionHint {
	h := &detectionHint{icon: widget.NewIcon(nil), text: widget.NewLabel("")}
	h.text.Truncation = fyne.TextTruncateEllipsis
	h.root = container.NewBorder(nil, nil, h.icon, nil, h.text)
	return h
}

func (h *detectionHint) show(text string, c certainty) {
	h.sure = c
	switch c {
	case certain:
		h.icon.SetResource(theme.ConfirmIcon())
		h.text.Importance = widget.LowImportance
	case uncertain:
		h.icon.SetResource(theme.NewWarningThemedResource(theme.WarningIcon()))
		h.text.Importance = widget.WarningImportance
	default:
		h.icon.SetResource(theme.AccountIcon())
		h.text.Importance = widget.MediumImportance
	}
	h.text.SetText(text)
}
