package cn.linli.common;

/**
 * An output object that may carry the values of some of its batched fields ({@code @Source List<…>} resolvers),
 * read by the statement that read the object itself (a service page reads its hours, exceptions, region and service
 * area with the listing: issue 16). The engine then hands such a value on as it is, without the field's DataLoader,
 * SmallRye's batch fetcher or its resolver ({@link PlainFieldFetchers}).
 * <p>
 * Only for fields whose resolver adds nothing to the values it reads — no access check, no masking, no per-caller
 * choice — so that the value carried is exactly what the resolver would return; the resolver itself must give the
 * same value for objects that carry it (tests compare both paths).
 */
public interface ReadAlready {
    /** What {@link #readAlready} returns for a field whose value this object does not carry. */
    Object NOT_READ = new Object() {
        @Override
        public String toString() {
            return "not read";
        }
    };

    /** The value of the batched field {@code field} for this object (null is a value), or {@link #NOT_READ}. */
    Object readAlready(String field);
}
