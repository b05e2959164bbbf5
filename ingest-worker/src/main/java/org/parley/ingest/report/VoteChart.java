package org.parley.ingest.report;

import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.geom.RoundRectangle2D;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;

import javax.imageio.ImageIO;

/**
 * A section's votes as a small bar: the agree share in green, the disagree share in red,
 * on a grey track when nobody voted. A PNG drawn with Java 2D shapes only, so it needs no
 * fonts on the machine; the numbers are text beside it, and its alternative text says
 * them too.
 */
final class VoteChart {

	static final int WIDTH = 480;

	static final int HEIGHT = 28;

	static final Color AGREE = new Color(0x2E7D32);

	static final Color DISAGREE = new Color(0xC62828);

	static final Color TRACK = new Color(0xE0E0E0);

	private VoteChart() {
	}

	static byte[] png(int agree, int disagree) {
		BufferedImage image = new BufferedImage(WIDTH, HEIGHT, BufferedImage.TYPE_INT_ARGB);
		Graphics2D g = image.createGraphics();
		try {
			g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
			RoundRectangle2D track = new RoundRectangle2D.Float(0, 0, WIDTH, HEIGHT, HEIGHT / 2f, HEIGHT / 2f);
			g.setColor(TRACK);
			g.fill(track);
			int total = agree + disagree;
			if (total > 0) {
				g.setClip(track);
				int split = Math.round((float) WIDTH * agree / total);
				g.setColor(AGREE);
				g.fillRect(0, 0, split, HEIGHT);
				g.setColor(DISAGREE);
				g.fillRect(split, 0, WIDTH - split, HEIGHT);
				if (agree > 0 && disagree > 0) {
					g.setColor(Color.WHITE);
					g.fillRect(split - 1, 0, 2, HEIGHT);
				}
			}
		}
		finally {
			g.dispose();
		}
		ByteArrayOutputStream out = new ByteArrayOutputStream(1024);
		try {
			ImageIO.write(image, "png", out);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		return out.toByteArray();
	}

}
