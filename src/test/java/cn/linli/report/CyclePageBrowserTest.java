package cn.linli.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import cn.linli.testing.Fixtures;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.awt.image.BufferedImage;
import java.io.File;
import java.io.IOException;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The 公示 page in a real browser: headless Chromium (Debian's package, started here when it is installed) loads the
 * published page from the running service, and the table rows and both charts are there after rendering and visible
 * in a screenshot (the bars' colours are on screen); printed to PDF it is A4. Without Chromium the test is skipped
 * and says why. The screenshot and the PDF stay in target/ for a person to look at.
 */
@QuarkusTest
class CyclePageBrowserTest {
    static final List<String> CANDIDATES = List.of("/usr/bin/chromium", "/usr/bin/chromium-browser", "/usr/bin/google-chrome");

    @Inject
    Fixtures fixtures;
    @TestHTTPResource("/reports/evaluation-cycles/")
    URL reports;
    ReportWorld.World world;

    @BeforeEach
    void world() {
        world = ReportWorld.get(fixtures);
    }

    static Optional<String> chromium() {
        String configured = System.getenv("LINLI_CHROMIUM");
        return Stream.concat(Stream.ofNullable(configured), CANDIDATES.stream()).filter(path -> new File(path).canExecute()).findFirst();
    }

    /** Runs Chromium headless with these arguments and the page's address; returns what it printed on stdout. */
    static String run(String chromium, Path profile, List<String> arguments, String url) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>(List.of(chromium, "--headless", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
                "--no-first-run", "--hide-scrollbars", "--user-data-dir=" + profile, "--lang=zh-CN"));
        command.addAll(arguments);
        command.add(url);
        Path out = Files.createTempFile("chromium", ".out");
        Process process = new ProcessBuilder(command).redirectOutput(out.toFile()).redirectError(ProcessBuilder.Redirect.DISCARD).start();
        if (!process.waitFor(120, TimeUnit.SECONDS)) {
            process.destroyForcibly();
            throw new AssertionError("Chromium did not finish within 120 s: " + command);
        }
        return Files.readString(out, StandardCharsets.UTF_8);
    }

    @Test
    void thePublishedPageRendersItsTableAndChartsInChromium() throws Exception {
        Optional<String> chromium = chromium();
        Assumptions.assumeTrue(chromium.isPresent(), "Chromium is not installed (none of " + CANDIDATES + ", nor LINLI_CHROMIUM): "
                + "the 公示 page was not rendered in a browser; apt-get install chromium fonts-noto-cjk (.ci/run does)");
        String url = reports + world.cycleId();
        Path profile = Files.createTempDirectory("chromium-profile");

        // the DOM after rendering: the rows, the escaped names as text, both charts, no script
        String dom = run(chromium.get(), profile, List.of("--dump-dom"), url);
        assertTrue(dom.contains("<html lang=\"zh-CN\">"), dom.length() > 300 ? dom.substring(0, 300) : dom);
        Matcher rows = Pattern.compile("<tr data-evaluation-id=\"\\d+\">").matcher(dom);
        int count = 0;
        while (rows.find()) {
            count++;
        }
        assertEquals(3, count, "the three ranked organizations are rows of the rendered table");
        assertTrue(dom.contains("&lt;script&gt;alert('x')&lt;/script&gt;报表乙社工站&amp;"), "the name is text in the rendered page");
        assertFalse(dom.contains("<script"), "no script element came out of a name");
        assertTrue(dom.contains("<svg id=\"grade-chart\"") && dom.contains("<svg id=\"ranking-chart\""), "both charts are in the DOM");

        // a screenshot: the page is not blank, and the bars of both charts are on screen in their grades' colours
        Path png = Path.of("target", "report-page.png").toAbsolutePath();
        Files.deleteIfExists(png);
        run(chromium.get(), profile, List.of("--window-size=1000,2600", "--screenshot=" + png), url);
        assertTrue(Files.size(png) > 10_000, "a screenshot was written: " + png);
        BufferedImage image = ImageIO.read(png.toFile());
        Map<String, Integer> colours = Map.of("excellent", 0x2e7d32, "good", 0x1565c0, "fail", 0xc62828);
        long nonWhite = 0;
        Map<String, Integer> found = new java.util.HashMap<>();
        for (int y = 0; y < image.getHeight(); y++) {
            for (int x = 0; x < image.getWidth(); x++) {
                int rgb = image.getRGB(x, y) & 0xffffff;
                if (rgb != 0xffffff) {
                    nonWhite++;
                }
                for (Map.Entry<String, Integer> colour : colours.entrySet()) {
                    if (rgb == colour.getValue()) {
                        found.merge(colour.getKey(), 1, Integer::sum);
                    }
                }
            }
        }
        assertTrue(nonWhite > image.getWidth() * image.getHeight() / 100, "the page is not blank: " + nonWhite + " pixels drawn");
        for (String grade : colours.keySet()) {
            // each grade has a bar in the grade chart and one in the ranking chart: together well over 1 000 pixels
            assertTrue(found.getOrDefault(grade, 0) > 1_000, grade + " bars visible: " + found);
        }

        // printed: a PDF of A4 pages (595 × 842 points)
        Path pdf = Path.of("target", "report-page.pdf").toAbsolutePath();
        Files.deleteIfExists(pdf);
        run(chromium.get(), profile, List.of("--no-pdf-header-footer", "--print-to-pdf=" + pdf), url);
        byte[] printed = Files.readAllBytes(pdf);
        String head = new String(printed, 0, 5, StandardCharsets.ISO_8859_1);
        assertEquals("%PDF-", head);
        String text = new String(printed, StandardCharsets.ISO_8859_1);
Matcher box = Pattern.compile("/MediaBox\\s*\\[\\s*0 0 ([0-9.]+) ([0-9.]+)\\s*]").matcher(text);
        assertTrue(box.find(), "the PDF has pages");
        assertEquals(595.3, Double.parseDouble(box.group(1)), 1.0, "A4 width in points");
        assertEquals(841.9, Double.parseDouble(box.group(2)), 1.0, "A4 height in points");
    }
}
