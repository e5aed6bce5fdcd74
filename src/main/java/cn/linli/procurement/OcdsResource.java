package cn.linli.procurement;

import cn.linli.common.Messages;
import cn.linli.common.Row;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.util.RawValue;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.jboss.logging.Logger;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

/**
 * The procurements published as Open Contracting Data Standard 1.1 JSON, read from the releases as they were
 * published ({@link OcdsReleases}; nothing here builds a release): a record package per ocid with all of its
 * releases and their compiledRelease, and release packages of the releases published since a date. Procurements
 * still in PLANNING have no release and are not found. Every error is JSON: {@code {"code", "message"}}.
 */
@Path("/ocds")
@Produces(MediaType.APPLICATION_JSON)
public class OcdsResource {
    private static final Logger LOG = Logger.getLogger(OcdsResource.class);
    static final int MAX_LIMIT = 100;

    @Inject
    OcdsReleases releases;
    @Context
    UriInfo uri;

    /** An error of this resource: HTTP status, code and message key. */
    static final class OcdsError extends RuntimeException {
        final int status;
        final String code;
        final transient Object[] args;

        OcdsError(int status, String code, String key, Object... args) {
            super(key);
            this.status = status;
            this.code = code;
            this.args = args;
        }
    }

    @GET
    @Path("/records/{ocid}")
    public Map<String, Object> record(@PathParam("ocid") String ocid) {
        List<OcdsReleases.Stored> stored = releases.ofProcess(ocid);
        if (stored.isEmpty()) {
            throw new OcdsError(404, "NOT_FOUND", "error.ocds.notFound", ocid);
        }
        List<Object> embedded = new ArrayList<>();
        List<JsonNode> parsed = new ArrayList<>();
        for (OcdsReleases.Stored release : stored) {
            embedded.add(new RawValue(release.json())); // byte for byte as published
            parsed.add(releases.parse(release.json()));
        }
        Map<String, Object> record = new LinkedHashMap<>();
        record.put("ocid", ocid);
        record.put("releases", embedded);
        record.put("compiledRelease", releases.compile(parsed));
        Map<String, Object> recordPackage = packageHeader(uri.getRequestUri().toString(),
                stored.get(stored.size() - 1).publishedAt());
        recordPackage.put("records", List.of(record));
        return recordPackage;
    }

    @GET
    @Path("/releases")
    public Map<String, Object> releases(@QueryParam("since") String since, @QueryParam("offset") String offsetText,
            @QueryParam("limit") String limitText) {
        OffsetDateTime from = since(since);
        int offset = number(offsetText, 0, 0, Integer.MAX_VALUE, "offset");
        int limit = number(limitText, MAX_LIMIT, 1, MAX_LIMIT, "limit");
        List<OcdsReleases.Stored> page = releases.since(from, offset, limit + 1);
        List<Object> embedded = new ArrayList<>();
        for (OcdsReleases.Stored release : page.subList(0, Math.min(limit, page.size()))) {
            embedded.add(new RawValue(release.json()));
        }
        Map<String, Object> releasePackage = packageHeader(uri.getRequestUri().toString(), OffsetDateTime.now(Row.CHINA));
        releasePackage.put("releases", embedded);
        if (page.size() > limit) {
            releasePackage.put("links", Map.of("next", uri.getRequestUriBuilder().replaceQueryParam("offset", offset + limit)
                    .build().toString()));
        }
        return releasePackage;
    }

    /** Anything else under /ocds: a JSON 404 as well. */
    @GET
    @Path("/{path: .*}")
    public Map<String, Object> unknown(@PathParam("path") String path) {
        throw new OcdsError(404, "NOT_FOUND", "error.ocds.unknownPath", "/ocds/" + path);
    }

    /**
     * {@code since}: a date (2020-01-01: from the start of that day in China Standard Time), a date-time with an
     * offset (2020-01-01T08:00:00+08:00, 2020-01-01T00:00Z) or without one (China Standard Time); a {@code +}
     * left unencoded in the query arrives as a space and is read as {@code +}.
     */
    static OffsetDateTime since(String since) {
        if (since == null || since.isBlank()) {
            return OffsetDateTime.parse("1970-01-01T00:00:00Z");
        }
        String text = since.trim().replace(' ', '+');
        try {
            if (text.length() == 10) {
                return LocalDate.parse(text).atStartOfDay(Row.CHINA).toOffsetDateTime();
            }
            try {
                return OffsetDateTime.parse(text);
            } catch (DateTimeParseException withoutOffset) {
                return LocalDateTime.parse(text).atZone(Row.CHINA).toOffsetDateTime();
            }
        } catch (DateTimeParseException e) {
            throw new OcdsError(400, "VALIDATION", "error.ocds.since");
        }
    }

    private static int number(String text, int absent, int min, int max, String name) {
        if (text == null || text.isBlank()) {
            return absent;
        }
        try {
            int value = Integer.parseInt(text.trim());
            if (value >= min && value <= max) {
                return value;
            }
        } catch (NumberFormatException e) {
            // falls through to the error
        }
        throw new OcdsError(400, "VALIDATION", "error.ocds.range", name, min, max);
    }

    private static Map<String, Object> packageHeader(String self, OffsetDateTime published) {
        Map<String, Object> header = new LinkedHashMap<>();
        header.put("uri", self);
        header.put("version", "1.1");
        header.put("publishedDate", OcdsSnapshot.dateTime(published));
        header.put("publisher", Map.of("name", "Linli 邻里"));
        header.put("license", "https://creativecommons.org/licenses/by/4.0/");
        return header;
    }

    @ServerExceptionMapper
    public Response error(OcdsError error) {
        return json(error.status, error.code, Messages.get(error.getMessage(), error.args));
    }

    @ServerExceptionMapper
    public Response error(WebApplicationException error) {
        int status = error.getResponse().getStatus();
        return json(status, status == 404 ? "NOT_FOUND" : status < 500 ? "BAD_REQUEST" : "INTERNAL",
                Messages.get(status == 404 ? "error.ocds.unknownPath" : "error.ocds.request", uri.getPath()));
    }

    @ServerExceptionMapper
    public Response error(RuntimeException error) {
        LOG.error("OCDS request failed", error);
        return json(500, "INTERNAL", Messages.get("error.ocds.internal"));
    }

    private static Response json(int status, String code, String message) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("code", code);
        body.put("message", message);
        return Response.status(status).type(MediaType.APPLICATION_JSON).entity(body).build();
    }
}
