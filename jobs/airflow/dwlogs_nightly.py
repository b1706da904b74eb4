"""Airflow DAG: dwlogs nightly on a Spark cluster through SparkSubmitOperator.

Copy this file into the DAGs folder and set the Airflow Variables below (or edit the
defaults). It needs the apache-airflow-providers-apache-spark package and a Spark
connection (``spark_default``: host ``yarn``, ``spark://host:7077`` or ``k8s://...``, with
``deploy-mode`` in its extra). The job jar must be readable where the driver runs.

Each daily run reports the UTC day of its data interval: ``{{ ds }}`` is the interval's start
day, so the run at 02:30 UTC on D+1 reports D. Back-fill with ``airflow dags backfill
-s 2026-11-14 -e 2026-11-20 dwlogs_nightly`` (one run per day) or run ``dwlogs nightly --from
--to`` once. dwlogs exit codes fail the task: 1 usage/config, 2 input/output (e.g. the day's
partition has not arrived: retried), 3 too many malformed, 4 internal, 5 another run holds the
lock (retried).
"""
from datetime import datetime, timedelta

from airflow import DAG
from airflow.models import Variable
from airflow.providers.apache.spark.operators.spark_submit import SparkSubmitOperator

# Spark's JavaModuleOptions: the driver and executors need them on Java 17 (as jobs/submit).
JAVA_17_OPENS = " ".join([
    "-XX:+IgnoreUnrecognizedVMOptions",
    "--add-opens=java.base/java.lang=ALL-UNNAMED",
    "--add-opens=java.base/java.lang.invoke=ALL-UNNAMED",
    "--add-opens=java.base/java.lang.reflect=ALL-UNNAMED",
    "--add-opens=java.base/java.io=ALL-UNNAMED",
    "--add-opens=java.base/java.net=ALL-UNNAMED",
    "--add-opens=java.base/java.nio=ALL-UNNAMED",
    "--add-opens=java.base/java.util=ALL-UNNAMED",
    "--add-opens=java.base/java.util.concurrent=ALL-UNNAMED",
    "--add-opens=java.base/java.util.concurrent.atomic=ALL-UNNAMED",
    "--add-opens=java.base/jdk.internal.ref=ALL-UNNAMED",
    "--add-opens=java.base/sun.nio.ch=ALL-UNNAMED",
    "--add-opens=java.base/sun.nio.cs=ALL-UNNAMED",
    "--add-opens=java.base/sun.security.action=ALL-UNNAMED",
    "--add-opens=java.base/sun.util.calendar=ALL-UNNAMED",
    "-Djdk.reflect.useDirectMethodHandle=false",
    "-Dio.netty.tryReflectionSetAccessible=true",
])

JOB_JAR = Variable.get("dwlogs_job_jar", default_var="hdfs:///apps/dwlogs/dwlogs-0.1.0-SNAPSHOT-job.jar")
INPUT_ROOT = Variable.get("dwlogs_input_root", default_var="hdfs:///data/dualwrite/logs")
OUTPUT_ROOT = Variable.get("dwlogs_output_root", default_var="hdfs:///data/dualwrite/reports")

with DAG(
    dag_id="dwlogs_nightly",
    description="dwlogs: reports of each UTC day of dual-write logs",
    schedule="30 2 * * *",
    start_date=datetime(2026, 11, 1),
    catchup=False,
    max_active_runs=1,
    default_args={"retries": 2, "retry_delay": timedelta(minutes=30)},
    tags=["dwlogs"],
) as dag:
    SparkSubmitOperator(
        task_id="report_day",
        conn_id="spark_default",
        application=JOB_JAR,
        java_class="org.dwlogs.cli.DwlogsCommand",
        name="dwlogs-nightly-{{ ds }}",
        conf={
            "spark.driver.extraJavaOptions": JAVA_17_OPENS,
            "spark.executor.extraJavaOptions": JAVA_17_OPENS,
        },
        executor_memory="4g",
        driver_memory="2g",
        application_args=[
            "nightly",
            "--input-root", INPUT_ROOT,
            "--output-root", OUTPUT_ROOT,
            "--date", "{{ ds }}",
        ],
        execution_timeout=timedelta(hours=6),
    )
