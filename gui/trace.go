package gui

import (
	"fmt"
	"os"
	"strings"
	"sync"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"carnet/gui/uikit"
)

// The smoke test (gui/smoke/smoke.sh) drives the real window under Xvfb.
// Fyne draws its dialogs inside the window, where xwininfo cannot see them,
// and the buttons move with the language and the layout; so when
// CARNET_UI_TRACE names a file, the window writes there, each time it
// receives SIGUSR1, what is on screen and where (window coordinates):
//
//	dump N
//	size W H
//	tab I SELECTED X Y TITLE      centre of each tab, SELECTED 1 or 0
//	button X Y LAYER TEXT        centre of each enabled button or link; LAYER is
//	                             "window" or "dialog" (the top dialog)
//	text LAYER TEXT              each label and title
//	row X Y                      centre of the customer list's first row
//	dialogs N                    dialogs open
//	end N
//
// Nothing of it runs when the variable is unset.
type uiTrace struct {
	mu   sync.Mutex
	path string
	seq  int
}

// startTrace arms the dump when CARNET_UI_TRACE is set.
func (u *ui) startTrace() {
	path := os.Getenv("CARNET_UI_TRACE")
	if path == "" {
		return
	}
	tr := &uiTrace{path: path}
	onDumpSignal(func() { fyne.Do(func() { tr.dump(u) }) })
}

func (tr *uiTrace) dump(u *ui) {
	tr.mu.Lock()
	defer tr.mu.Unlock()
	tr.seq++
	var b strings.Builder
	line := func(format string, a ...any) { fmt.Fprintf(&b, format+"\n", a...) }
	line("dump %d", tr.seq)
	c := u.win.Canvas()
	line("size %.0f %.0f", c.Size().Width, c.Size().Height)
	drv := fyne.CurrentApp().Driver()
	centre := func(o fyne.CanvasObject) (float32, float32) {
		p := drv.AbsolutePositionForObject(o)
		return p.X + o.Size().Width/2, p.Y + o.Size().Height/2
	}
	tr.tabs(u, line)
	walkLayer := func(layer string, root fyne.CanvasObject) {
		uikit.Walk(root, func(o fyne.CanvasObject) bool {
			if !o.Visible() {
				return false
			}
			switch x := o.(type) {
			case *widget.Button:
				if !x.Disabled() && x.OnTapped != nil {
					cx, cy := centre(x)
					line("button %.0f %.0f %s %s", cx, cy, layer, oneLine(x.Text))
				}
			case *uikit.HoverLink: // a recent file
				cx, cy := centre(x)
				line("button %.0f %.0f %s %s", cx, cy, layer, oneLine(x.Text))
			case *widget.Label:
				line("text %s %s", layer, oneLine(x.Text))
			}
			return true
		})
	}
	overlays := c.Overlays().List()
	line("dialogs %d", len(overlays))
	if top := c.Overlays().Top(); top != nil {
		walkLayer("dialog", top)
	} else {
		walkLayer("window", c.Content())
		if u.tabs.Selected() == u.clientsItem && u.clients.list.Visible() && u.clients.model.total > 0 {
			tbl := u.clients.table
			p := drv.AbsolutePositionForObject(tbl)
			// The header row, then the first row: both about as tall as
			// a label.
			rowH := widget.NewLabel("Ag").MinSize().Height
			line("row %.0f %.0f", p.X+80, p.Y+rowH*1.5)
		}
	}
	line("end %d", tr.seq)
	f, err := os.OpenFile(tr.path, os.O_CREATE|os.O_APPEND|os.O_WRONLY, 0o644)
	if err != nil {
		fyne.LogError("ui trace", err)
		return
	}
	_, _ = f.WriteString(b.String())
	_ = f.Close()
}

// tabs writes the centre of each tab. Fyne keeps the tab buttons inside
// its renderer, so their places are worked out as Fyne lays them out: a
// row of bold titles, each with inner padding on both sides, a padding
// apart. The smoke test checks each click against the tab it selects.
func (tr *uiTrace) tabs(u *ui, line func(string, ...any)) {
	th := u.app.Settings().Theme()
	pad, inner := th.Size(theme.SizeNamePadding), th.Size(theme.SizeNameInnerPadding)
	size := th.Size(theme.SizeNameText)
	p := fyne.CurrentApp().Driver().AbsolutePositionForObject(u.tabs)
	barH := fyne.MeasureText("Ag", size, fyne.TextStyle{Bold: true}).Height + 2*inner
	x := p.X
	for i, it := range u.tabs.Items {
		w := fyne.MeasureText(it.Text, size, fyne.TextStyle{Bold: true}).Width + 2*inner
		sel := 0
		if u.tabs.SelectedIndex() == i {
			sel = 1
		}
		line("tab %d %d %.0f %.0f %s", i, sel, x+w/2, p.Y+barH/2, it.Text)
		x += w + pad
	}
}

// oneLine keeps a text on its trace line.
func oneLine(s string) string { return strings.Join(strings.Fields(s), " ") }
