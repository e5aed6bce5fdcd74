package cn.linli.region;

import cn.linli.common.ApiException;
import cn.linli.common.ImportResponses;
import jakarta.inject.Inject;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.jboss.logging.Logger;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

/**
 * {@code POST /admin/import/regions}: the same import as the {@code importRegions} mutation, for files too large for
 * a GraphQL request (up to {@value RegionImport#MAX_ROWS} rows). The body is the CSV as bytes ({@code text/csv},
 * UTF-8 with or without BOM: GBK is refused); the answer is the {@code RegionImportResult} as JSON, or
 * {@code {"code", "message", "rowErrors"}}.
 */
@Path("/admin/import/regions")
public class RegionImportResource {
    private static final Logger LOG = Logger.getLogger(RegionImportResource.class);

    @Inject
    RegionImport regionImport;

    @POST
    @Produces(MediaType.APPLICATION_JSON)
    public Response importFile(@jakarta.ws.rs.HeaderParam("Content-Type") String contentType, byte[] csv) {
        return ImportResponses.upload(contentType, csv, bytes -> regionImport.importBytes(bytes, "csv"));
    }

    @ServerExceptionMapper
    public Response error(ApiException error) {
        return ImportResponses.error(error);
    }

    @ServerExceptionMapper
    public Response error(WebApplicationException error) {
        return ImportResponses.error(error);
    }

    @ServerExceptionMapper
    public Response error(RuntimeException error) {
        return ImportResponses.failure(error, LOG, "Region import");
    }
}
