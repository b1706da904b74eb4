/**
 * dwlogs: finds documented Dynamics 365 dual-write errors in logs and writes CSV reports. The
 * packages follow the data: {@code ingest} lists and reads files, {@code parse} turns raw
 * records into records or malformed ones, {@code match} runs the {@code signatures} catalog
 * against them, {@code aggregate} counts, {@code report} writes; {@code job} drives these
 * stages, {@code run} holds the values a run is made of, and {@code cli} is the command line.
 * This package only holds the build version.
 */
package org.dwlogs;
