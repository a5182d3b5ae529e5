package com.clearmlmigrator.synthetic;

/**
 * What to generate. The same spec always yields the same documents.
 *
 * @param seed             seed of every random choice
 * @param companies        number of ClearML companies (each has its own event indices)
 * @param tasksPerCompany  number of tasks per company; events, models and artifacts scale with it
 * @param fileServer       the "old" file server origin the stored URLs point at, without trailing slash
 * @param bucket           the "old" object-storage bucket the stored URLs point at, without trailing slash
 */
public record DatasetSpec(long seed, int companies, int tasksPerCompany, String fileServer, String bucket) {
    public static final String DEFAULT_FILE_SERVER = "http://files.old.lan:8081";
    public static final String DEFAULT_BUCKET = "s3://old-bucket";

    public DatasetSpec {
        if (companies < 1 || tasksPerCompany < 1) {
            throw new IllegalArgumentException("need at least one company and one task per company");
        }
    }

    /** The URL of a file on the old file server. */
    public String file(String path) {
        return fileServer + "/" + path;
    }

    /** A dataset of the given size with the default old URLs. */
    public static DatasetSpec of(long seed, int companies, int tasksPerCompany) {
        return new DatasetSpec(seed, companies, tasksPerCompany, DEFAULT_FILE_SERVER, DEFAULT_BUCKET);
    }
}
