package uikit

import (
	"image/color"
	"sync"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/canvas"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/driver/desktop"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"
)

// Fyne has no tooltips. A text cut with an ellipsis shows in full when the
// mouse rests on it, in a box drawn on a layer above the window's content.
// The layer holds no widget that reacts to the mouse, so clicks and hovers
// reach what is under the box. (An overlay would not do: Fyne gives the top
// overlay every event and the keyboard focus.)

// hoverDelay is how long the mouse rests before the full text shows.
var hoverDelay = 450 * time.Millisecond

// tipLayers holds each window's layer, by canvas.
var tipLayers sync.Map // fyne.Canvas → *fyne.Container

// WithHoverLayer returns content with the layer that full texts show on;
// set it as win's content.
func WithHoverLayer(win fyne.Window, content fyne.CanvasObject) fyne.CanvasObject {
	layer := container.NewWithoutLayout()
	tipLayers.Store(win.Canvas(), layer)
	return container.NewStack(content, layer)
}

// HoverLabel is a label cut with an ellipsis when it has no room, whose
// full text shows when the mouse rests on it.
type HoverLabel struct {
	widget.Label
	// Full, when set, is the text shown on hover instead of Text: a path
	// shortened for the label shows whole.
	Full string
	// self is the widget the window holds: a HoverLink, whose methods
	// promoted from HoverLabel receive the inner label, or the label.
	self  fyne.CanvasObject
	mu    sync.Mutex
	timer *time.Timer
	tip   fyne.CanvasObject // shown on the layer, nil when hidden
}

var _ desktop.Hoverable = (*HoverLabel)(nil)

// NewHoverLabel returns a truncating label showing text.
func NewHoverLabel(text string) *HoverLabel {
	l := &HoverLabel{}
	l.self = l
	l.Text = text
	l.Truncation = fyne.TextTruncateEllipsis
	l.ExtendBaseWidget(l)
	return l
}

// fullText is what the hover shows.
func (l *HoverLabel) fullText() string {
	if l.Full != "" {
		return l.Full
	}
	return l.Text
}

// SetText changes the text; a full text shown for the old one goes (a
// list cell gets another row's text when the list scrolls under a still
// mouse, and Fyne sends no MouseOut then).
func (l *HoverLabel) SetText(text string) {
	if text != l.Text {
		l.HideFull()
	}
	l.Label.SetText(text)
}

// Cut reports whether the label shows less than its full text: it has less
// room than its text needs, or its text is a shortened Full.
func (l *HoverLabel) Cut() bool {
	if l.Text == "" {
		return false
	}
	if l.Full != "" && l.Full != l.Text {
		return true
	}
	full := widget.NewLabelWithStyle(l.Text, l.Alignment, l.TextStyle)
	full.SizeName = l.SizeName
	return full.MinSize().Width > l.Size().Width+0.5
}

// MouseIn starts waiting to show the full text.
func (l *HoverLabel) MouseIn(*desktop.MouseEvent) {
	l.mu.Lock()
	defer l.mu.Unlock()
	if l.timer != nil {
		l.timer.Stop()
	}
	l.timer = time.AfterFunc(hoverDelay, func() { fyne.Do(func() { l.ShowFull() }) })
}

// MouseMoved does nothing: the text shows where the label is.
func (l *HoverLabel) MouseMoved(*desktop.MouseEvent) {}

// MouseOut hides the full text.
func (l *HoverLabel) MouseOut() {
	l.mu.Lock()
	if l.timer != nil {
		l.timer.Stop()
		l.timer = nil
	}
	l.mu.Unlock()
	l.HideFull()
}

// ShowFull shows the full text under the label when it is cut and the
// window has a layer for it; it reports whether it did.
func (l *HoverLabel) ShowFull() bool {
	l.HideFull()
	if !l.Visible() || !l.Cut() {
		return false
	}
	app := fyne.CurrentApp()
	if app == nil {
		return false
	}
	c := app.Driver().CanvasForObject(l.self)
	if c == nil {
		return false
	}
	v, ok := tipLayers.Load(c)
	if !ok {
		return false
	}
	layer := v.(*fyne.Container)
	text := l.fullText()
	tip := fullTextBox(text, l.TextStyle)
	size := widget.NewLabelWithStyle(text, fyne.TextAlignLeading, l.TextStyle).MinSize()
	if max := layer.Size().Width - 2*theme.Padding(); size.Width > max && max > 0 {
		// Very long text wraps within the window.
		size = fyne.NewSize(max, tipHeight(text, l.TextStyle, max))
	}
	drv := app.Driver()
	pos := drv.AbsolutePositionForObject(l.self).Subtract(drv.AbsolutePositionForObject(layer))
	pos.Y += l.Size().Height
	pos.X = min(pos.X, layer.Size().Width-size.Width-theme.Padding())
	if pos.Y+size.Height > layer.Size().Height { // no room below: above
		pos.Y -= l.Size().Height + size.Height
	}
	tip.Resize(size)
	tip.Move(fyne.NewPos(max(0, pos.X), max(0, pos.Y)))
	layer.Add(tip)
	layer.Refresh() // a container without layout is not redrawn by Add
	l.mu.Lock()
	l.tip = tip
	l.mu.Unlock()
	return true
}

// HideFull removes the full text if it shows.
func (l *HoverLabel) HideFull() {
	l.mu.Lock()
	tip := l.tip
	l.tip = nil
	l.mu.Unlock()
	if tip == nil {
		return
	}
	tipLayers.Range(func(_, v any) bool {
		layer := v.(*fyne.Container)
		layer.Remove(tip)
		layer.Refresh()
		return true
	})
}

// FullShown is the text shown in full, "" when none (tests).
func (l *HoverLabel) FullShown() string {
	l.mu.Lock()
	defer l.mu.Unlock()
	if l.tip == nil {
		return ""
	}
	return l.fullText()
}

func fullTextBox(text string, style fyne.TextStyle) *fyne.Container {
	bg := canvas.NewRectangle(theme.Color(theme.ColorNameOverlayBackground))
	bg.StrokeColor = theme.Color(theme.ColorNameInputBorder)
	bg.StrokeWidth = 1
	bg.CornerRadius = theme.InputRadiusSize()
	shadow := canvas.NewRectangle(color.NRGBA{A: 0x40})
	label := widget.NewLabelWithStyle(text, fyne.TextAlignLeading, style)
	label.Wrapping = fyne.TextWrapWord
	return container.NewStack(shadow, bg, label)
}

func tipHeight(text string, style fyne.TextStyle, width float32) float32 {
	l := widget.NewLabelWithStyle(text, fyne.TextAlignLeading, style)
	l.Wrapping = fyne.TextWrapWord
	l.Resize(fyne.NewSize(width, l.MinSize().Height))
	return l.MinSize().Height
}

// HoverLink is a HoverLabel that does something when clicked, with the
// hand cursor (the recent files of the import).
type HoverLink struct {
	HoverLabel
	OnTapped func()
}

// NewHoverLink returns a clickable truncating label.
func NewHoverLink(text string, tapped func()) *HoverLink {
	l := &HoverLink{OnTapped: tapped}
	l.self = l
	l.Text = text
	l.Truncation = fyne.TextTruncateEllipsis
	l.ExtendBaseWidget(l)
	return l
}

// Tapped runs OnTapped.
func (l *HoverLink) Tapped(*fyne.PointEvent) {
	l.HideFull()
	if l.OnTapped != nil {
		l.OnTapped()
	}
}

// Cursor is the pointing hand.
func (l *HoverLink) Cursor() desktop.Cursor { return desktop.PointerCursor }
