#!/usr/bin/env python3
"""Prints an inspect report (the JSON of GET /migrations/{id}/report) as tables an operator can read."""
import json
import sys


def size(n):
    for unit in ("B", "kB", "MB", "GB", "TB"):
        if n < 1024:
            return f"{n:.0f} {unit}"
        n /= 1024
    return f"{n:.0f} PB"


report = json.load(open(sys.argv[1]))
tasks = report["tasks"]
print(f"status {report['status']}: {tasks['succeeded']} of {tasks['total']} tasks succeeded, {tasks['failed']} failed")
if report.get("error"):
    print(f"error: {report['error']}")
mongo = report.get("mongo")
if mongo:
    print(f"\nMongoDB {mongo['serverVersion']}, databases {', '.join(mongo['databases'])}: "
          f"{mongo['documents']} documents, {size(mongo['sizeBytes'])}")
    print(f"  {'collection':<24}{'documents':>10}{'size':>10}  shapes")
    for c in mongo["collections"]:
        shapes = ", ".join(f"{k}={v}" for k, v in c["shapes"].items())
        print(f"  {c['database'] + '.' + c['collection']:<24}{c['documents']:>10}{size(c['sizeBytes']):>10}  {shapes}")
elastic = report.get("elastic")
if elastic:
    print(f"\nElasticsearch {elastic['serverVersion']} at {', '.join(elastic['hosts'])}: "
          f"{elastic['documents']} documents, {size(elastic['sizeBytes'])}")
    print(f"  {'index':<64}{'documents':>10}{'size':>10}  {'types':<18}{'routing':<9}url fields")
    for i in elastic["indices"]:
        types = ",".join(i["mappingTypes"]) or "-"
        routing = "required" if i["routingRequired"] else "-"
        print(f"  {i['index']:<64}{i['documents']:>10}{size(i['sizeBytes']):>10}  {types:<18}{routing:<9}"
              f"{','.join(i['urlFields']) or '-'}")
for f in report.get("failures", []):
    print(f"FAILED {f['task']} {f['target']}: {f['reason']} - {f['detail']}")
