package cn.linli.report;

import cn.linli.common.ApiException;
import cn.linli.common.ConflictException;
import cn.linli.common.ForbiddenException;
import cn.linli.common.InvalidStateException;
import cn.linli.common.Messages;
import cn.linli.common.NotFoundException;
import cn.linli.common.Row;
import cn.linli.common.UnauthenticatedException;
import cn.linli.common.UnavailableException;
import cn.linli.common.ValidationException;
import cn.linli.common.Caller;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.nio.charset.StandardCharsets;
import java.time.OffsetDateTime;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

/**
 * Results people can read: the 评估结果公示 of a cycle as a printable page, XLSX or CSV; coverage as XLSX, CSV or
 * GeoJSON; spending as XLSX or CSV. Only the mapping to HTTP lives here (formats, media types, file names, caching);
 * what is shown and to whom is {@link Reports}'. Errors are JSON {@code {"code", "message"}} with the status of the
 * code (VALIDATION 400, UNAUTHENTICATED 401, FORBIDDEN 403, NOT_FOUND 404).
 */
@Path("/reports")
public class ReportResource {
    private static final Logger LOG = Logger.getLogger(ReportResource.class);
    static final String XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";
    static final String CSV = "text/csv; charset=utf-8; header=present";
    static final String GEOJSON = "application/geo+json";
    static final String HTML = "text/html; charset=utf-8";
    /** The page loads nothing: inline styles and inline SVG only. */
    static final String PAGE_POLICY = "default-src 'none'; style-src 'unsafe-inline'; img-src data:; base-uri 'none'; form-action 'none'";

    @Inject
    Reports reports;
    @Inject
    Caller caller;
    @Inject
    ObjectMapper json;
    @ConfigProperty(name = "linli.http.public-max-age", defaultValue = "60")
    int publicMaxAge;

    @GET
    @Path("/evaluation-cycles/{id}")
    public Response cycle(@PathParam("id") String id, @QueryParam("format") String format) {
        String chosen = format(format, "html", List.of("html", "xlsx", "csv"));
        Reports.CycleReport report = reports.cycle(id);
        String ascii = "evaluation-cycle-" + report.cycle().id();
        String unicode = "评估结果公示-" + report.cycle().name();
        Response.ResponseBuilder response = switch (chosen) {
            case "xlsx" -> file(Sheets.xlsx(CycleTables.book(report)), XLSX, ascii, unicode, "xlsx");
            case "csv" -> file(Sheets.csv(CycleTables.results(report)), CSV, ascii, unicode, "csv");
            default -> Response.ok(CyclePage.html(report, OffsetDateTime.now(Row.CHINA)).getBytes(StandardCharsets.UTF_8), HTML)
                    .header("Content-Security-Policy", PAGE_POLICY)
                    .header("Content-Disposition", disposition("inline", ascii + ".html", unicode + ".html"));
        };
        boolean publicCopy = report.published() && !caller.isAuthenticated();
        return response.header("Cache-Control", publicCopy ? "public, max-age=" + publicMaxAge : "private, no-store")
                .header("X-Content-Type-Options", "nosniff").build();
    }

    @GET
    @Path("/coverage")
    public Response coverage(@QueryParam("regionCode") String regionCode, @QueryParam("categoryCode") String categoryCode,
            @QueryParam("format") String format) {
        String chosen = format(format, "xlsx", List.of("xlsx", "csv", "geojson"));
        List<Reports.CoveragePoint> points = reports.coverage(regionCode, blankToNull(categoryCode));
        String ascii = "coverage-" + regionCode + (blankToNull(categoryCode) == null ? "" : "-" + categoryCode);
        String unicode = "服务覆盖-" + regionCode + (blankToNull(categoryCode) == null ? "" : "-" + categoryCode);
        Response.ResponseBuilder response = switch (chosen) {
            case "csv" -> file(Sheets.csv(CoverageTables.table(points)), CSV, ascii, unicode, "csv");
            case "geojson" -> file(geoJson(CoverageTables.geoJson(points)), GEOJSON, ascii, unicode, "geojson");
            default -> file(Sheets.xlsx(CoverageTables.book(points, regionCode, blankToNull(categoryCode))), XLSX, ascii, unicode, "xlsx");
        };
        return privately(response);
    }

    @GET
    @Path("/spending")
    public Response spending(@QueryParam("regionCode") String regionCode, @QueryParam("year") String year,
            @QueryParam("format") String format) {
        String chosen = format(format, "xlsx", List.of("xlsx", "csv"));
        Reports.SpendingReport report = reports.spending(regionCode, year);
        String ascii = "spending-" + report.region().code() + "-" + report.year();
        String unicode = "购买服务支出-" + report.region().name() + "-" + report.year();
        Response.ResponseBuilder response = chosen.equals("csv")
                ? file(Sheets.csv(SpendingTables.table(report)), CSV, ascii, unicode, "csv")
                : file(Sheets.xlsx(SpendingTables.book(report)), XLSX, ascii, unicode, "xlsx");
        return privately(response);
    }

    /** Anything else under /reports: a JSON 404. */
    @GET
    @Path("/{path: .*}")
    public Response unknown(@PathParam("path") String path) {
        throw new NotFoundException("error.report.unknownPath");
    }

    private static Response privately(Response.ResponseBuilder response) {
        return response.header("Cache-Control", "private, no-store").header("X-Content-Type-Options", "nosniff").build();
    }

    /** The format asked for (case does not matter, nothing around it), the default when absent; VALIDATION when it is none of these. */
    static String format(String format, String absent, List<String> known) {
        if (format == null || format.isBlank()) {
            return absent;
        }
        String chosen = format.toLowerCase(Locale.ROOT);
        if (!known.contains(chosen)) {
            throw new ValidationException("format", "error.report.format", String.join(", ", known));
        }
        return chosen;
    }

    private static String blankToNull(String text) {
        return text == null || text.isBlank() ? null : text;
    }

    private static Response.ResponseBuilder file(byte[] body, String type, String ascii, String unicode, String extension) {
        return Response.ok(body, type).header("Content-Disposition",
                disposition("attachment", ascii + "." + extension, unicode + "." + extension));
    }

    /**
     * A Content-Disposition with an ASCII {@code filename} for old clients and the real name as RFC 5987
     * {@code filename*} (UTF-8, percent-encoded), which browsers prefer; characters a file name cannot hold become _.
     */
    static String disposition(String kind, String ascii, String unicode) {
        String safeAscii = ascii.replaceAll("[^A-Za-z0-9._-]", "_");
        String safeUnicode = unicode.replaceAll("[\\\\/:*?\"<>|\\p{Cntrl}]", "_");
        return kind + "; filename=\"" + safeAscii + "\"; filename*=UTF-8''" + rfc5987(safeUnicode);
    }

    static String rfc5987(String text) {
        StringBuilder out = new StringBuilder();
        for (byte b : text.getBytes(StandardCharsets.UTF_8)) {
            int c = b & 0xff;
            if ((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || "!#$&+-.^_`|~".indexOf(c) >= 0) {
                out.append((char) c);
            } else {
                out.append('%').append(Character.toUpperCase(Character.forDigit(c >> 4, 16)))
                        .append(Character.toUpperCase(Character.forDigit(c & 0xf, 16)));
            }
        }
        return out.toString();
    }

    private byte[] geoJson(Map<String, Object> collection) {
        try {
            return json.writeValueAsBytes(collection);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    @ServerExceptionMapper
    public Response error(ApiException error) {
        int status;
        String code;
        if (error instanceof ValidationException) {
            status = 400;
            code = "VALIDATION";
        } else if (error instanceof UnauthenticatedException) {
            status = 401;
            code = "UNAUTHENTICATED";
        } else if (error instanceof ForbiddenException) {
            status = 403;
            code = "FORBIDDEN";
        } else if (error instanceof NotFoundException) {
            status = 404;
            code = "NOT_FOUND";
        } else if (error instanceof ConflictException) {
            status = 409;
            code = "CONFLICT";
        } else if (error instanceof InvalidStateException) {
            status = 409;
            code = "INVALID_STATE";
        } else if (error instanceof UnavailableException) {
            status = 503;
            code = "UNAVAILABLE";
        } else {
            status = 500;
            code = "INTERNAL";
        }
        Response.ResponseBuilder response = jsonError(status, code, error.getMessage(), error.field());
        if (status == 401) {
            response.header("WWW-Authenticate", "Bearer");
        }
        return response.build();
    }

    @ServerExceptionMapper
    public Response error(WebApplicationException error) {
        int status = error.getResponse().getStatus();
        return jsonError(status, status == 404 ? "NOT_FOUND" : status < 500 ? "BAD_REQUEST" : "INTERNAL",
                Messages.get(status == 404 ? "error.report.unknownPath" : "error.report.request"), null).build();
    }

    @ServerExceptionMapper
    public Response error(RuntimeException error) {
        LOG.errorf("Report failed: %s", error.getClass().getName());
        return jsonError(500, "INTERNAL", Messages.get("error.internal"), null).build();
    }

    private static Response.ResponseBuilder jsonError(int status, String code, String message, String field) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("code", code);
        body.put("message", message);
        if (field != null) {
            body.put("field", field);
        }
        return Response.status(status).type(MediaType.APPLICATION_JSON).entity(body).header("Cache-Control", "no-store");
    }
}
