package settingsui

import (
	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"
)

// grid lines the rows of a settings list up in columns under their header:
// the stretching columns share the room the others leave, every other
// column is as wide as its widest cell. A list holds at most a few
// hundred entries (custom fields, marketing sources, operators), so plain
// rows in a scroll suit it better than a virtual table: each row has its
// own buttons.
type grid struct {
	stretch []bool
	rows    []*fyne.Container
}

// newGrid makes a grid whose column i stretches when stretch[i] is true.
func newGrid(stretch ...bool) *grid { return &grid{stretch: stretch} }

// row adds a row of cells, one per column.
func (g *grid) row(cells ...fyne.CanvasObject) *fyne.Container {
	r := container.New(gridRow{g}, cells...)
	g.rows = append(g.rows, r)
	return r
}

// widths are the fixed columns' widths: their widest cell.
func (g *grid) widths() []float32 {
	w := make([]float32, len(g.stretch))
	for _, r := range g.rows {
		for i, c := range r.Objects {
			if i < len(w) && !g.stretch[i] && c.Visible() {
				w[i] = max(w[i], c.MinSize().Width)
			}
		}
	}
	return w
}

// gridRow is the layout of one row of a grid.
type gridRow struct{ g *grid }

func (l gridRow) MinSize(objects []fyne.CanvasObject) fyne.Size {
	widths := l.g.widths()
	var s fyne.Size
	for i, o := range objects {
		m := o.MinSize()
		if i < len(widths) && !l.g.stretch[i] {
			m.Width = widths[i]
		}
		s.Width += m.Width
		s.Height = max(s.Height, m.Height)
	}
	s.Width += theme.Padding() * float32(max(0, len(objects)-1))
	return s
}

func (l gridRow) Layout(objects []fyne.CanvasObject, size fyne.Size) {
	widths := l.g.widths()
	pad := theme.Padding()
	fixed, stretching := pad*float32(max(0, len(objects)-1)), 0
	for i := range objects {
		if i < len(widths) && !l.g.stretch[i] {
			fixed += widths[i]
		} else {
			stretching++
		}
	}
	share := float32(0)
	if stretching > 0 {
		share = max(0, size.Width-fixed) / float32(stretching)
	}
	x := float32(0)
	for i, o := range objects {
		w := share
		if i < len(widths) && !l.g.stretch[i] {
			w = widths[i]
		}
		h := o.MinSize().Height
		o.Move(fyne.NewPos(x, (size.Height-h)/2))
		o.Resize(fyne.NewSize(w, h))
		x += w + pad
	}
}

// cell is a label of a list cell; one that stretches is cut with "…"
// rather than widening the list.
func cell(text string, stretches bool) *widget.Label {
	l := widget.NewLabel(text)
	if stretches {
		l.Truncation = fyne.TextTruncateEllipsis
	}
	return l
}

// header is a column's title.
func header(text string) *widget.Label {
	l := widget.NewLabelWithStyle(text, fyne.TextAlignLeading, fyne.TextStyle{Bold: true})
	return l
}

// dim shows a label in the quieter colour (an archived entry, a hint).
func dim(l *widget.Label) *widget.Label {
	l.Importance = widget.LowImportance
	return l
}

// hint is a wrapped explanation (dim makes it quieter).
func hint(text string) *widget.Label {
	l := widget.NewLabel(text)
	l.Wrapping = fyne.TextWrapWord
	return l
}
