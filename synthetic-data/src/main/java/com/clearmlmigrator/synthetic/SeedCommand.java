package com.clearmlmigrator.synthetic;

import java.io.IOException;
import java.net.URI;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;

import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** Seeds synthetic ClearML data into MongoDB and into ES 5.6 and/or ES 7 clusters. */
@Command(
        name = "seed",
        mixinStandardHelpOptions = true,
        description = "Writes deterministic synthetic ClearML data (both eras) for demos, tests and benchmarks.")
public final class SeedCommand implements Callable<Integer> {
    @Option(names = "--seed", defaultValue = "42", description = "Random seed (default ${DEFAULT-VALUE}).")
    long seed;

    @Option(names = "--companies", defaultValue = "2", description = "Companies (default ${DEFAULT-VALUE}).")
    int companies;

    @Option(names = "--tasks", defaultValue = "50", description = "Tasks per company (default ${DEFAULT-VALUE}).")
    int tasks;

    @Option(names = "--mongo", description = "MongoDB connection string; the data goes to database 'backend'.")
    String mongo;

    @Option(names = "--es5", description = "Elasticsearch 5.6 URL for ES 5.6-era events.")
    String es5;

    @Option(names = "--es7", description = "Elasticsearch 7 URL for ES 7-era events.")
    String es7;

    @Option(
            names = "--heavy-plots",
            defaultValue = "0",
            description =
                    "Also this many plots of --plot-mb each, in index events-plot-heavy (default ${DEFAULT-VALUE}).")
    int heavyPlots;

    @Option(
            names = "--plot-mb",
            defaultValue = "4",
            description = "Size of each heavy plot's JSON in megabytes (default ${DEFAULT-VALUE}).")
    int plotMegabytes;

    @Option(
            names = "--fileserver",
            description =
                    "A folder to write dataset state files into, as a ClearML file server's data folder has them.")
    Path fileServer;

    @Option(
            names = "--dataset-bucket",
            paramLabel = "s3://BUCKET[/FOLDER]",
            description = "A bucket to upload the same dataset state files to, as datasets uploaded to S3 have them;"
                    + " with --s3-endpoint, credentials from AWS_ACCESS_KEY_ID and AWS_SECRET_ACCESS_KEY.")
    String datasetBucket;

    @Option(names = "--s3-endpoint", paramLabel = "URL", description = "The S3 server of --dataset-bucket.")
    URI s3Endpoint;

    @Override
    public Integer call() throws IOException {
        ClearmlWorld world = ClearmlWorld.generate(DatasetSpec.of(seed, companies, tasks));
        if (mongo != null) {
            MongoDataset dataset = new MongoDataset(world);
            int written = new MongoSeeder(mongo).seed(MongoDataset.DATABASE, dataset.collections());
            written += new MongoSeeder(mongo).seed(MongoDataset.AUTH_DATABASE, dataset.authCollections());
            System.out.printf("MongoDB %s: %d documents in databases backend and auth%n", mongo, written);
        }
        if (fileServer != null) {
            int written = new FileServerDataset(world).writeTo(fileServer);
            System.out.printf("File server folder %s: %d dataset state files%n", fileServer, written);
        }
        if (datasetBucket != null) {
            int written = new BucketSeeder(s3Endpoint).seed(datasetBucket, new FileServerDataset(world).stateFiles());
            System.out.printf("Bucket %s: %d dataset state files%n", datasetBucket, written);
        }
        if (es5 != null) {
            seedElastic(world, ElasticEra.ES5, es5);
        }
        if (es7 != null) {
            seedElastic(world, ElasticEra.ES7, es7);
        }
        return 0;
    }

    private void seedElastic(ClearmlWorld world, ElasticEra era, String url) {
        ElasticSeeder seeder = new ElasticSeeder(url);
        int written = seeder.seed(era, new EventDataset(world, era).documents());
        System.out.printf("Elasticsearch %s: %d %s-era documents%n", url, written, era);
        for (int i = 0; i < heavyPlots; i++) {
            // One at a time: a plot of tens of megabytes is a bulk of its own for the cluster.
            seeder.add(
                    era,
                    List.of(HeavyPlots.document(
                            era,
                            "heavy",
                            i,
                            plotMegabytes * 1_000_000,
                            world.spec().fileServer())));
        }
        if (heavyPlots > 0) {
            System.out.printf(
                    "Elasticsearch %s: %d plots of %d MB in events-plot-heavy%n", url, heavyPlots, plotMegabytes);
        }
    }

    public static void main(String[] args) {
        System.exit(new CommandLine(new SeedCommand()).execute(args));
    }
}
