package org.parley.ingest.pdf;

import java.awt.geom.Point2D;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;

import org.apache.pdfbox.contentstream.PDFGraphicsStreamEngine;
import org.apache.pdfbox.contentstream.operator.Operator;
import org.apache.pdfbox.cos.COSArray;
import org.apache.pdfbox.cos.COSBase;
import org.apache.pdfbox.cos.COSName;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.pdmodel.graphics.color.PDColor;
import org.apache.pdfbox.pdmodel.graphics.image.PDImage;

/**
 * The horizontal and vertical lines one page draws: stroked segments, thin filled
 * rectangles (how most producers draw rules) and the edges of shaded or outlined boxes.
 * Text is skipped, so the pass costs little more than parsing the content stream again.
 * White strokes and fills (backgrounds, knock-outs) are left out, and so are curves.
 */
final class PageRulings extends PDFGraphicsStreamEngine {

	/** A filled rectangle thinner than this is a rule. */
	private static final float THIN = 2.5f;

	/** Shorter segments are glyph parts, bullets and tick marks. */
	private static final float MIN_LENGTH = 4f;

	/** A chart or map draws thousands; no table needs as many. */
	private static final int MAX_RULINGS = 4_000;

	private final ReadingBudget budget;

	private final List<Ruling> rulings = new ArrayList<>();

	private final List<float[]> segments = new ArrayList<>();

	private final List<float[]> rectangles = new ArrayList<>();

	private final float left;

	private final float top;

	private final float pageArea;

	private float startX;

	private float startY;

	private float currentX;

	private float currentY;

	private PageRulings(PDPage page, ReadingBudget budget) {
		super(page);
		this.budget = budget;
		PDRectangle box = page.getCropBox();
		this.left = box.getLowerLeftX();
		this.top = box.getUpperRightY();
		this.pageArea = box.getWidth() * box.getHeight();
	}

	/**
	 * The rulings of an unrotated page in text coordinates; a rotated page has none (its
	 * tables are recovered from the text's alignment alone).
	 */
	static List<Ruling> of(PDPage page, ReadingBudget budget) throws IOException {
		if (page.getRotation() % 360 != 0) {
			return List.of();
		}
		PageRulings collector = new PageRulings(page, budget);
		collector.processPage(page);
		return collector.rulings;
	}

	@Override
	protected void processOperator(Operator operator, List<COSBase> operands) throws IOException {
		this.budget.countOperation();
		super.processOperator(operator, operands);
	}

	@Override
	public void showTextString(byte[] string) {
		// Only the graphics matter here; the text was read by the text pass.
	}

	@Override
	public void showTextStrings(COSArray array) {
		// As above.
	}

	@Override
	public void appendRectangle(Point2D p0, Point2D p1, Point2D p2, Point2D p3) {
		float x0 = x(p0);
		float y0 = y(p0);
		float x2 = x(p2);
		float y2 = y(p2);
		if (Math.abs(x(p1) - x0) > 0.5f && Math.abs(y(p1) - y0) > 0.5f) {
			return; // rotated or skewed
		}
		this.rectangles.add(new float[] { Math.min(x0, x2), Math.min(y0, y2), Math.max(x0, x2), Math.max(y0, y2) });
		this.startX = x0;
		this.startY = y0;
		this.currentX = x0;
		this.currentY = y0;
	}

	@Override
	public void drawImage(PDImage image) {
		// Images are not rules.
	}

	@Override
	public void clip(int windingRule) {
		// The clip does not draw.
	}

	@Override
	public void moveTo(float x, float y) {
		this.startX = x(x);
		this.startY = y(y);
		this.currentX = this.startX;
		this.currentY = this.startY;
	}

	@Override
	public void lineTo(float x, float y) {
		float toX = x(x);
		float toY = y(y);
		this.segments.add(new float[] { this.currentX, this.currentY, toX, toY });
		this.currentX = toX;
		this.currentY = toY;
	}

	@Override
	public void curveTo(float x1, float y1, float x2, float y2, float x3, float y3) {
		this.currentX = x(x3);
		this.currentY = y(y3);
		this.segments.add(null); // a curve makes the path a shape, not a set of rules
	}

	@Override
	public Point2D getCurrentPoint() {
		return new Point2D.Float(this.currentX + this.left, this.top - this.currentY);
	}

	@Override
	public void closePath() {
		if (this.currentX != this.startX || this.currentY != this.startY) {
			this.segments.add(new float[] { this.currentX, this.currentY, this.startX, this.startY });
		}
		this.currentX = this.startX;
		this.currentY = this.startY;
	}

	@Override
	public void endPath() {
		clearPath();
	}

	@Override
	public void strokePath() {
		if (!white(getGraphicsState().getStrokingColor())) {
			for (float[] segment : this.segments) {
				if (segment != null) {
					add(segment[0], segment[1], segment[2], segment[3]);
				}
			}
			for (float[] box : this.rectangles) {
				edges(box);
			}
		}
		clearPath();
	}

	@Override
	public void fillPath(int windingRule) {
		if (!white(getGraphicsState().getNonStrokingColor())) {
			for (float[] box : this.rectangles) {
				filled(box);
			}
			float[] box = closedBox();
			if (box != null) {
				filled(box);
			}
		}
		clearPath();
	}

	@Override
	public void fillAndStrokePath(int windingRule) {
		strokePath();
	}

	@Override
	public void shadingFill(COSName shadingName) {
		// A shading fills an area, it draws no rule.
	}

	private void filled(float[] box) {
		float width = box[2] - box[0];
		float height = box[3] - box[1];
		if (height <= THIN && width > height) {
			float y = (box[1] + box[3]) / 2;
			add(box[0], y, box[2], y);
		}
		else if (width <= THIN) {
			float x = (box[0] + box[2]) / 2;
			add(x, box[1], x, box[3]);
		}
		else if (width * height < 0.5f * this.pageArea) {
			edges(box);
		}
	}

	private void edges(float[] box) {
		add(box[0], box[1], box[2], box[1]);
		add(box[0], box[3], box[2], box[3]);
		add(box[0], box[1], box[0], box[3]);
		add(box[2], box[1], box[2], box[3]);
	}

	/** A path of four axis-aligned segments that closes on itself, as a box. */
	private float[] closedBox() {
		if (this.segments.size() != 4 && this.segments.size() != 3) {
			return null;
		}
		float minX = Float.MAX_VALUE;
		float minY = Float.MAX_VALUE;
		float maxX = -Float.MAX_VALUE;
		float maxY = -Float.MAX_VALUE;
		for (float[] segment : this.segments) {
			if (segment == null
					|| (Math.abs(segment[0] - segment[2]) > 0.5f && Math.abs(segment[1] - segment[3]) > 0.5f)) {
				return null;
			}
			minX = Math.min(minX, Math.min(segment[0], segment[2]));
			maxX = Math.max(maxX, Math.max(segment[0], segment[2]));
			minY = Math.min(minY, Math.min(segment[1], segment[3]));
			maxY = Math.max(maxY, Math.max(segment[1], segment[3]));
		}
		return new float[] { minX, minY, maxX, maxY };
	}

	private void add(float xa, float ya, float xb, float yb) {
		if (this.rulings.size() >= MAX_RULINGS) {
			return;
		}
		float dx = Math.abs(xb - xa);
		float dy = Math.abs(yb - ya);
		if (dy <= 0.5f && dx >= MIN_LENGTH) {
			float y = (ya + yb) / 2;
			this.rulings.add(new Ruling(Math.min(xa, xb), y, Math.max(xa, xb), y));
		}
		else if (dx <= 0.5f && dy >= MIN_LENGTH) {
			float x = (xa + xb) / 2;
			this.rulings.add(new Ruling(x, Math.min(ya, yb), x, Math.max(ya, yb)));
		}
	}

	private void clearPath() {
		this.segments.clear();
		this.rectangles.clear();
	}

	private static boolean white(PDColor colour) {
		if (colour == null) {
			return false;
		}
		float[] c = colour.getComponents();
		if (c.length == 1) {
			return c[0] > 0.95f;
		}
		if (c.length == 3) {
			return c[0] > 0.95f && c[1] > 0.95f && c[2] > 0.95f;
		}
		if (c.length == 4) {
			return c[0] < 0.05f && c[1] < 0.05f && c[2] < 0.05f && c[3] < 0.05f;
		}
		return false;
	}

	private float x(Point2D point) {
		return x((float) point.getX());
	}

	private float y(Point2D point) {
		return y((float) point.getY());
	}

	private float x(float x) {
		return x - this.left;
	}

	private float y(float y) {
		return this.top - y;
	}

}
